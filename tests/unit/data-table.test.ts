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
const rows = (last: unknown) => [
  {
    id: "a",
    cells: {
      oid: { href: "/cases/a", text: "1.2.246.1", hetu: "010101-123N" },
      task: "Kotihoito",
      n: 2,
      hidden: "x",
    },
  },
  { id: "b", cells: { oid: { href: "/cases/b", text: "1.2.246.2" }, task: last, n: 0 } },
];
const table = (last: unknown) =>
  createElement(DataTable, {
    caption: "Asiat",
    empty: "Ei tuloksia",
    columns,
    rows: rows(last) as Parameters<typeof DataTable>[0]["rows"],
  });

/** The table's body element in DataTable's output (ScrollRegion > table > [caption, thead, body]). */
function bodyOf(el: ReactElement): ReactElement {
  const scroll = DataTable(el.props as Parameters<typeof DataTable>[0]) as ReactElement<{
    children: ReactElement<{ children: ReactElement[] }>;
  }>;
  return scroll.props.children.props.children[2]!;
}

describe("DataTable", () => {
  it("hands rows of data to the client body as plain values, only the columns' cells", () => {
    for (const empty of [undefined, null, false]) {
      const body = bodyOf(table(empty));
      expect(body.type).toBe(DataTableBody);
      const passed = (body.props as { rows: { cells: unknown[] }[] }).rows;
      expect(passed[0]!.cells).toEqual([{ href: "/cases/a", text: "1.2.246.1" }, "Kotihoito", 2]);
      for (const r of passed) for (const v of r.cells) expect(isValidElement(v)).toBe(false);
    }
  });

  it("keeps the server body when a cell is an element, and shows its data cells the same", () => {
    const element = createElement("b", null, "Kiireellinen");
    expect(bodyOf(table(element)).type).not.toBe(DataTableBody);
    const mixed = renderToStaticMarkup(table(element));
    expect(mixed).toContain("<td><b>Kiireellinen</b></td>");
    expect(mixed).toMatch(/<a data-route="" class="[^"]*" href="\/cases\/b">1\.2\.246\.2<\/a>/);
    expect(mixed).not.toContain(">x<");
    expect(mixed).toContain('<td class="');
    expect(mixed.match(/<td class="[^"]+">/g)).toHaveLength(2); // the right-aligned column, 2 rows
    // An empty cell gives the same HTML on either body.
    const data = renderToStaticMarkup(table(undefined));
    expect(renderToStaticMarkup(table(createElement("span", null)))).toBe(
      data.replace("<td></td>", "<td><span></span></td>"),
    );
    expect(data).toContain('<th scope="col"');
  });
});

describe("table cells as data", () => {
  it("knows data from elements", () => {
    expect(isCellData("x")).toBe(true);
    expect(isCellData(0)).toBe(true);
    expect(isCellData({ href: "/a", text: 3 })).toBe(true);
    expect(isCellData(createElement("b", null, "x"))).toBe(false);
    expect(isCellData(null)).toBe(true);
    expect(isCellData([{ href: "/a", text: 1 }])).toBe(false);
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
