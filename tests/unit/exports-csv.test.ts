import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { BOM, isFormulaLike, neutralise, toCsv } from "@/lib/exports/csv";

function read(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  return parse(csv.slice(BOM.length), { delimiter: ";", record_delimiter: "\r\n" });
}

describe("neutralise (OWASP CSV injection)", () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["+358 40 123 4567", "'+358 40 123 4567"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
  ])("prefixes %j with a quote", (value, expected) => {
    expect(isFormulaLike(value)).toBe(true);
    expect(neutralise(value)).toBe(expected);
  });

  it.each(["Hoivakoti Kotikallio Oy", "1.2.246.10.8286189.10.100012", "", " =x", "a=b", "'quoted"])(
    "leaves %j as it is",
    (value) => {
      expect(isFormulaLike(value)).toBe(false);
      expect(neutralise(value)).toBe(value);
    },
  );
});

describe("toCsv", () => {
  it("writes a BOM, ; between fields and CRLF after every line", () => {
    const csv = toCsv(["Nimi", "Määrä"], [["Åke", 2]]);
    expect(csv).toBe("\uFEFFNimi;Määrä\r\nÅke;2\r\n");
  });

  it('quotes ; and " and line breaks, doubling quotes', () => {
    const csv = toCsv(["a", "b", "c"], [["semi;colon", 'say "hi"', "two\nlines"]]);
    expect(csv).toBe('\uFEFFa;b;c\r\n"semi;colon";"say ""hi""";"two\nlines"\r\n');
  });

  it("neutralises text cells, headers included, but never numbers", () => {
    const csv = toCsv(["=H"], [["=1+1"], [-5], ["-5"], [null], [undefined]]);
    expect(read(csv)).toEqual([["'=H"], ["'=1+1"], ["-5"], ["'-5"], [""], [""]]);
  });

  it("round-trips through csv-parse", () => {
    const headers = ["Palveluntuottaja", "Y-tunnus", "Huom"];
    const rows = [
      ["Hoiva; ja koti Oy", "1234567-8", 'Lainaus "x"'],
      ["Rivi\r\nvaihto", "7654321-0", "@mention"],
      ["=cmd|' /C calc'!A0", "+1", "\tsarkain"],
      ["", "ääkköset ÅÄÖ", "€"],
    ];
    const back = read(toCsv(headers, rows));
    expect(back[0]).toEqual(headers);
    expect(back.slice(1)).toEqual(rows.map((r) => r.map(neutralise)));
  });

  it("writes an empty list as the header row only", () => {
    expect(read(toCsv(["a", "b"], []))).toEqual([["a", "b"]]);
  });
});
