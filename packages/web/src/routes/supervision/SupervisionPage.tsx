import { useSearchParams } from 'react-router';
import { CooperativeDetail } from './CooperativeDetail';
import { DistrictView } from './DistrictView';

/**
 * The Dinas's supervision: the district dashboard, or one cooperative's page when the
 * address carries `?koperasi=<id>` (so a cooperative's page can be linked and bookmarked).
 */
export default function SupervisionPage() {
  const [params] = useSearchParams();
  const id = Number(params.get('koperasi'));
  return Number.isInteger(id) && id > 0 ? <CooperativeDetail id={id} /> : <DistrictView />;
}
