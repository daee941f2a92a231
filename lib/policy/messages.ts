/** Messages for the eligibility policy settings page (namespace "policy"), fi/sv/en. */
export const policyMessages = {
  fi: { title: "Rekisterinkäyttöoikeuden periaatteet" },
  sv: { title: "Principer för registeranvändningsrätt" },
  en: { title: "Register access policy" },
};
