import { describe, expect, it } from "vitest";
import { roleFromClaims } from "@/lib/auth/claims";

const map = {
  caseworker: "caseworker",
  project_staff: "project_staff",
  admin: "admin",
  "Rekisteri.Kasittelija": "caseworker",
} as const;

describe("role from the OIDC claim", () => {
  it("maps array and string claims through the configured map", () => {
    expect(roleFromClaims({ roles: ["Rekisteri.Kasittelija"] }, "roles", map)).toBe("caseworker");
    expect(roleFromClaims({ groups: "project_staff" }, "groups", map)).toBe("project_staff");
  });
  it("picks the highest role when several are granted", () => {
    expect(roleFromClaims({ roles: ["caseworker", "admin"] }, "roles", map)).toBe("admin");
  });
  it("grants nothing for unknown values, a missing claim or the wrong claim name", () => {
    expect(roleFromClaims({ roles: ["Everyone"] }, "roles", map)).toBeNull();
    expect(roleFromClaims({}, "roles", map)).toBeNull();
    expect(roleFromClaims({ roles: ["admin"] }, "groups", map)).toBeNull();
    // provider_contact can never come from the staff identity provider.
    expect(roleFromClaims({ roles: ["provider_contact"] }, "roles", map)).toBeNull();
  });
});
