"use client";

import { Box } from "@mui/material";
import { BarChart } from "@mui/x-charts/BarChart";

/**
 * Charts of the readiness dashboard. They are decoration for sighted users: each is hidden from
 * assistive technology (aria-hidden, no keyboard focus) and the page shows a table with the same
 * numbers, with links, right after it. Labels come translated from the server.
 */

export type FunnelChartProps = {
  stages: { label: string; reached: number; stopped: number }[];
  reachedLabel: string;
  stoppedLabel: string;
};

/** The funnel as horizontal stacked bars: reached, and stopped at the stage. */
export function FunnelChart({ stages, reachedLabel, stoppedLabel }: FunnelChartProps) {
  return (
    <Box aria-hidden="true" sx={{ width: "100%", mb: 1 }}>
      <BarChart
        layout="horizontal"
        height={80 + stages.length * 40}
        disableKeyboardNavigation
        yAxis={[{ scaleType: "band", data: stages.map((s) => s.label), width: 230 }]}
        xAxis={[{ tickMinStep: 1 }]}
        series={[
          { data: stages.map((s) => s.reached), label: reachedLabel, stack: "funnel" },
          { data: stages.map((s) => s.stopped), label: stoppedLabel, stack: "funnel" },
        ]}
        margin={{ right: 24 }}
      />
    </Box>
  );
}

export type SystemsChartProps = {
  systems: { label: string; providers: number; eligible: number; unblocks: number }[];
  providersLabel: string;
  eligibleLabel: string;
  unblocksLabel: string;
};

/** Providers per client information system, how many are eligible and how many a test would unblock. */
export function SystemsChart({
  systems,
  providersLabel,
  eligibleLabel,
  unblocksLabel,
}: SystemsChartProps) {
  return (
    <Box aria-hidden="true" sx={{ width: "100%", mb: 1 }}>
      <BarChart
        layout="horizontal"
        height={80 + systems.length * 44}
        disableKeyboardNavigation
        yAxis={[{ scaleType: "band", data: systems.map((s) => s.label), width: 200 }]}
        xAxis={[{ tickMinStep: 1 }]}
        series={[
          { data: systems.map((s) => s.providers), label: providersLabel },
          { data: systems.map((s) => s.eligible), label: eligibleLabel },
          { data: systems.map((s) => s.unblocks), label: unblocksLabel },
        ]}
        margin={{ right: 24 }}
      />
    </Box>
  );
}
