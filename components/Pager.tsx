import { Box, Typography } from "@mui/material";
import { LinkButton } from "./Link";

/** Server-side paging with plain links (works without JavaScript, keeps the query). */
export function Pager({
  page,
  total,
  pageSize,
  basePath,
  query,
  labels,
}: {
  page: number;
  total: number;
  pageSize: number;
  basePath: string;
  query: Record<string, string | undefined>;
  labels: { previous: string; next: string; pageOf: string; nav: string; count: string };
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) qs.set(k, v);
    if (p > 1) qs.set("page", String(p));
    const s = qs.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  return (
    <Box
      component="nav"
      aria-label={labels.nav}
      sx={{ display: "flex", gap: 2, alignItems: "center", mt: 2, flexWrap: "wrap" }}
    >
      <Typography aria-live="polite">{labels.count}</Typography>
      <Box sx={{ flexGrow: 1 }} />
      {page > 1 && (
        <LinkButton href={href(page - 1)} variant="outlined" size="small">
          {labels.previous}
        </LinkButton>
      )}
      <Typography>{labels.pageOf}</Typography>
      {page < pages && (
        <LinkButton href={href(page + 1)} variant="outlined" size="small">
          {labels.next}
        </LinkButton>
      )}
    </Box>
  );
}
