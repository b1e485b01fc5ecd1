import { MemberRegistryCheck } from '../registry/MemberRegistryCheck';

/**
 * The registry credit report ("Cek Registri") beside the application: filled by the inquiry
 * module with the report for `memberId`, made under the consent `consentRef` for the
 * application `loanId`.
 */
export function RegistryCheckSlot(props: { memberId: number | null; loanId?: number; consentRef?: string | null }) {
  return <MemberRegistryCheck {...props} />;
}
