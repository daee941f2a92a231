import { createElement, isValidElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable } from "@/components/DataTable";
import { DataTableBody } from "@/components/DataTableBody";
import { cellContent, isCellData } from "@/components/cell";

const columns = [
  { key: "oid", label: "Asia" },
  { key: "task", label: "Palvelutehtävä" },
  { key: "n", label: "Jaksot", align: "right" as const },
];
const rows = (last: undefined | null) => [
  { id: "a", cells: { oid: { href: "/cases/a", text: "1.2.246.1" }, task: "Kotihoito", n: 2 } },
  { id: "b", cells: { oid: { href: "/cases/b", text: "1.2.246.2" }, task: last, n: 0 } },
];
const table = (last: undefined | null) =>
  createElement(DataTable, { caption: "Asiat", empty: "Ei tuloksia", columns, rows: rows(last) });

/** The table's body element in DataTable's output (ScrollRegion > table > [caption, thead, body]). */
function bodyOf(el: ReactElement): ReactElement {
  const scroll = DataTable(el.props as Parameters<typeof DataTable>[0]) as ReactElement<{
    children: ReactElement<{ children: ReactElement[] }>;
  }>;
  return scroll.props.children.props.children[2]!;
}

describe("DataTable", () => {
  it("hands rows of data to the client body as plain values, not elements", () => {
    const body = bodyOf(table(undefined));
    expect(body.type).toBe(DataTableBody);
    const passed = (body.props as { rows: { cells: Record<string, unknown> }[] }).rows;
    for (const r of passed)
      for (const v of Object.values(r.cells)) expect(isValidElement(v)).toBe(false);
  });

  it("keeps the server body when a cell is an element, and shows its data cells the same", () => {
    expect(bodyOf(table(null)).type).toBe("tbody");
    // Both bodies give the same HTML: the links, the numbers and the empty cell.
    const html = renderToStaticMarkup(table(undefined));
    expect(renderToStaticMarkup(table(null))).toBe(html);
    expect(html).toContain('href="/cases/a"');
    expect(html).toContain(">1.2.246.2</a>");
    expect(html).toContain('<th scope="col"');
  });
});

describe("table cells as data", () => {
  it("knows data from elements", () => {
    expect(isCellData("x")).toBe(true);
    expect(isCellData(0)).toBe(true);
    expect(isCellData({ href: "/a", text: 3 })).toBe(true);
    expect(isCellData(createElement("b", null, "x"))).toBe(false);
    expect(isCellData(null)).toBe(false);
    expect(isCellData({ text: "no link" })).toBe(false);
  });

  it("shows a link as a portal link", () => {
    const html = renderToStaticMarkup(
      createElement("p", null, cellContent({ href: "/providers?stage=eligible", text: 12 })),
    );
    expect(html).toMatch(
      /^<p><a data-route="" class="[^"]*" href="\/providers\?stage=eligible">12<\/a><\/p>$/,
    );
  });
});
