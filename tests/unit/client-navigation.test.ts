import { describe, expect, it } from "vitest";
import { routeTarget } from "@/components/ClientNavigation";

const here = { origin: "https://portaali.example", href: "https://portaali.example/cases?page=2" };
const click = (over: Partial<MouseEvent> = {}) => ({
  defaultPrevented: false,
  button: 0,
  metaKey: false,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  ...over,
});
const anchor = (href: string, attrs: { target?: string; download?: boolean } = {}) => ({
  href,
  target: attrs.target ?? "",
  hasAttribute: (name: string) => name === "download" && Boolean(attrs.download),
});

describe("which link clicks become client-side navigations (routeTarget)", () => {
  it("takes a plain left click on a link to this site, with its query and fragment", () => {
    expect(routeTarget(click(), anchor("https://portaali.example/cases/1?x=1#h"), here)).toBe(
      "/cases/1?x=1#h",
    );
    expect(routeTarget(click(), anchor("/windows"), here)).toBe("/windows");
  });

  it("leaves new tabs and windows, other buttons and handled clicks to the browser", () => {
    for (const over of [
      { metaKey: true },
      { ctrlKey: true },
      { shiftKey: true },
      { altKey: true },
      { button: 1 },
      { defaultPrevented: true },
    ])
      expect(routeTarget(click(over), anchor("/windows"), here), JSON.stringify(over)).toBeNull();
  });

  it("leaves other targets, downloads and other sites to the browser", () => {
    expect(routeTarget(click(), anchor("/windows", { target: "_blank" }), here)).toBeNull();
    expect(
      routeTarget(click(), anchor("/api/export?list=cases", { download: true }), here),
    ).toBeNull();
    expect(routeTarget(click(), anchor("https://example.org/"), here)).toBeNull();
    expect(routeTarget(click(), anchor("/windows", { target: "_self" }), here)).toBe("/windows");
  });
});
