import { OJK_BANK, type ClassificationPolicy } from '@simpul/domain';

/**
 * The registry-wide classification: one policy for every lender's lines, so classes compare
 * across cooperatives — in credit reports and in the Dinas's district figures alike. OJK's
 * bank bands (POJK 40/2019: L 0, DPK 1–90, KL 91–120, D 121–180, M > 180 DPD), the bands SLIK
 * reports use, whatever class a cooperative books internally in its workspace.
 */
export const REGISTRY_POLICY: ClassificationPolicy = OJK_BANK;
