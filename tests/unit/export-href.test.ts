import { describe, expect, it } from "vitest";
import { exportHref } from "@/components/ExportButtons";

describe("export links carry the page's filters (exportHref)", () => {
  it("keeps every filter, repeated ones too, and leaves out paging and empty values", () => {
    const href = exportHref("audit", "csv", {
      action: "auth.sign_in.demo",
      from: "2026-05-01",
      outcome: ["success", "denied"],
      page: "3",
      q: undefined,
    });
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/api/export");
    expect(url.searchParams.get("list")).toBe("audit");
    expect(url.searchParams.get("format")).toBe("csv");
    expect(url.searchParams.get("action")).toBe("auth.sign_in.demo");
    expect(url.searchParams.getAll("outcome")).toEqual(["success", "denied"]);
    expect(url.searchParams.has("page")).toBe(false);
    expect(url.searchParams.has("q")).toBe(false);
  });

  it("does not let the page's query change the list or the format", () => {
    const url = new URL(exportHref("cases", "xlsx", { list: "audit", format: "csv" }), "http://x");
    expect(url.searchParams.getAll("list")).toEqual(["cases"]);
    expect(url.searchParams.getAll("format")).toEqual(["xlsx"]);
  });
});
