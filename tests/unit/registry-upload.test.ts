import { describe, expect, it } from "vitest";
import { MAX_MB, checkCsvUpload } from "@/lib/registry/upload";

const csv = (name: string, body: string | Uint8Array, type = "text/csv") =>
  new File([body as BlobPart], name, { type });

describe("registry CSV upload checks", () => {
  it("accepts a CSV or text file and hands back its bytes", async () => {
    const r = await checkCsvUpload(csv("tuottajat.CSV", "a;b\n1;2\n"));
    expect(r.ok && new TextDecoder().decode(r.bytes)).toBe("a;b\n1;2\n");
    expect((await checkCsvUpload(csv("export.txt", "x", "text/plain"))).ok).toBe(true);
  });

  it("names each refusal: nothing chosen, too large, not a CSV name, binary content", async () => {
    expect(await checkCsvUpload(null)).toMatchObject({ ok: false, message: "import.chooseFile" });
    expect(await checkCsvUpload(csv("a.csv", ""))).toMatchObject({ message: "import.chooseFile" });
    expect(await checkCsvUpload("not a file")).toMatchObject({ message: "import.chooseFile" });
    const big = new Uint8Array(MAX_MB * 1024 * 1024 + 1).fill(0x61);
    expect(await checkCsvUpload(csv("a.csv", big))).toMatchObject({
      message: "import.tooLarge",
      params: { max: MAX_MB },
    });
    expect(await checkCsvUpload(csv("a.xlsx", "a;b"))).toMatchObject({
      message: "import.wrongType",
    });
    // An xlsx workbook (a zip) renamed .csv still has NUL bytes.
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(await checkCsvUpload(csv("renamed.csv", zip))).toMatchObject({
      message: "import.wrongType",
    });
  });
});
