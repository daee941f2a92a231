/**
 * Catalogue of social services (sosiaalipalvelut) a provider may produce.
 * `needsCis` is the default of whether the service needs a client information
 * system (DOMAIN rule 3); the eligibility policy (a later issue) makes it editable.
 */
export const socialServices = [
  { code: "communal_housing", needsCis: true },
  { code: "round_the_clock_housing", needsCis: true },
  { code: "home_care", needsCis: true },
  { code: "family_care", needsCis: true },
  { code: "institutional_care", needsCis: true },
  { code: "personal_assistance", needsCis: true },
  { code: "child_welfare_placement", needsCis: true },
  { code: "meal_service", needsCis: false },
  { code: "safety_services", needsCis: false },
  { code: "mobility_support", needsCis: false },
  { code: "housing_alterations", needsCis: false },
  { code: "support_services", needsCis: false },
] as const;

export type SocialServiceCode = (typeof socialServices)[number]["code"];
export const socialServiceCodes = socialServices.map((s) => s.code) as [
  SocialServiceCode,
  ...SocialServiceCode[],
];
