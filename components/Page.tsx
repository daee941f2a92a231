import { Box, Paper, Typography } from "@mui/material";
import type { ReactNode } from "react";

export function PageHeader({
  title,
  intro,
  actions,
}: {
  title: string;
  intro?: string;
  actions?: ReactNode;
}) {
  return (
    <Box sx={{ mb: 3, display: "flex", gap: 2, flexWrap: "wrap", alignItems: "flex-end" }}>
      <Box sx={{ flexGrow: 1 }}>
        <Typography variant="h1" gutterBottom>
          {title}
        </Typography>
        {intro && (
          <Typography variant="body1" color="text.secondary" sx={{ maxWidth: "70ch" }}>
            {intro}
          </Typography>
        )}
      </Box>
      {actions}
    </Box>
  );
}

export function EmptyState({ title, body }: { title: string; body: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 4, textAlign: "center" }}>
      <Typography variant="h2" gutterBottom>
        {title}
      </Typography>
      <Typography color="text.secondary" sx={{ maxWidth: "60ch", mx: "auto" }}>
        {body}
      </Typography>
    </Paper>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mt: 4 }}>
      <Typography variant="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </Box>
  );
}
