import Provider from "oidc-provider";

/**
 * A real OpenID Connect provider on loopback standing in for the organiser's
 * Entra ID. Its development login form accepts any login name; the login
 * decides which role claims the account carries.
 */
export const OIDC_ACCOUNTS: Record<string, { name: string; roles: string[] }> = {
  kasittelija: { name: "Kaisa Käsittelijä", roles: ["Rekisteri.Kasittelija"] },
  projekti: { name: "Petri Projekti", roles: ["Rekisteri.Projekti", "Muu.Ryhma"] },
  paakayttaja: { name: "Paula Pääkäyttäjä", roles: ["Rekisteri.Paakayttaja"] },
  ulkopuolinen: { name: "Ulla Ulkopuolinen", roles: ["Muu.Ryhma"] },
};

export const OIDC_ROLE_MAP =
  "Rekisteri.Kasittelija=caseworker,Rekisteri.Projekti=project_staff,Rekisteri.Paakayttaja=admin";

export async function startOidcServer(opts: {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}) {
  const issuer = `http://localhost:${opts.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: [opts.redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    claims: { openid: ["sub"], profile: ["name", "roles"], email: ["email", "email_verified"] },
    // Like Entra ID, put the role claim into the ID token itself.
    conformIdTokenClaims: false,
    cookies: { keys: ["e2e-cookie-key-not-for-production"] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = OIDC_ACCOUNTS[id] ?? { name: id, roles: [] };
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            name: account.name,
            email: `${id}@jarvipohja.example`,
            email_verified: true,
            roles: account.roles,
          };
        },
      };
    },
  });
  provider.proxy = true;
  const server = provider.listen(opts.port);
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return { issuer, close: () => new Promise<void>((r) => server.close(() => r())) };
}
