/** Pure campaign rules. Dates are calendar dates (yyyy-mm-dd) in Helsinki. */

export type CampaignWindow = { opensOn: string; closesOn: string };

/** Default window for a year: 1 May – 15 June (DOMAIN rule 1). */
export function defaultCampaignWindow(year: number): CampaignWindow {
  return { opensOn: `${year}-05-01`, closesOn: `${year}-06-15` };
}

export function isWithin(date: string, w: CampaignWindow): boolean {
  return w.opensOn <= date && date <= w.closesOn;
}

/**
 * A submission is late when none of the campaigns of the organisers the
 * provider works with is open on that date. Submissions are never refused.
 */
export function isLateSubmission(date: string, campaigns: CampaignWindow[]): boolean {
  return !campaigns.some((c) => isWithin(date, c));
}
