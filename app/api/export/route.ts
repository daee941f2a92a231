import { cookies } from "next/headers";
import { getDb } from "@/db";
import { requireRoute } from "@/lib/auth/actor";
import { buildExport, ExportForbidden, isExportFormat } from "@/lib/exports/build";
import { isExportListName } from "@/lib/exports/lists";
import { defaultLocale, isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

/**
 * A list as a file: `GET /api/export?list=<name>&format=csv|xlsx&<the list page's filters>`.
 * Staff only (route table); per list, only roles that may open the list's page. Column headers
 * in the user's language (the NEXT_LOCALE cookie, as lib/i18n/request.ts reads it).
 */
export async function GET(request: Request) {
  const actor = await requireRoute("/api/export");
  if (actor instanceof Response) return actor;
  const search = new URL(request.url).searchParams;
  const list = search.get("list");
  const format = search.get("format");
  if (!isExportListName(list) || !isExportFormat(format))
    return Response.json({ error: "badRequest" }, { status: 400 });
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : defaultLocale;
  try {
    const result = await buildExport(getDb(), actor, list, format, search, locale);
    return new Response(new Uint8Array(result.body), {
      headers: {
        "content-type": result.contentType,
        "content-disposition": `attachment; filename="${result.filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof ExportForbidden) return Response.json({ error: "forbidden" }, { status: 403 });
    throw e;
  }
}
