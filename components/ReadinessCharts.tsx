"use client";

import { Box, NoSsr } from "@mui/material";
import { BarChart } from "@mui/x-charts/BarChart";
import type { ReactNode } from "react";

/**
 * Charts of the readiness dashboard. They are decoration for sighted users: each is hidden from
 * assistive technology (aria-hidden, no keyboard focus) and the page shows a table with the same
 * numbers, with links, right after it. Labels come translated from the server.
 *
 * They are drawn in the browser only: the server render keeps their space (no layout shift)
 * but not their SVG, which cost about 3 ms of server CPU on every view of /readiness (a fifth
 * of the page) and 8.5 KB of its HTML, for a picture the table beside it already gives.
 */

/** The legend's line above a chart (measured: 29 px), so the box's space is the drawn chart's. */
const LEGEND_PX = 29;

/** The chart once the page runs in the browser (MUI's NoSsr); until then a box of its height. */
function ClientOnly({ height, children }: { height: number; children: ReactNode }) {
  return (
    <Box aria-hidden="true" sx={{ width: "100%", mb: 1, minHeight: height + LEGEND_PX }}>
      <NoSsr>{children}</NoSsr>
    </Box>
  );
}

export type FunnelChartProps = {
  stages: { label: string; reached: number; stopped: number }[];
  reachedLabel: string;
  stoppedLabel: string;
};

/** The funnel as horizontal stacked bars: reached, and stopped at the stage. */
export function FunnelChart({ stages, reachedLabel, stoppedLabel }: FunnelChartProps) {
  const height = 80 + stages.length * 40;
  return (
    <ClientOnly height={height}>
      <BarChart
        layout="horizontal"
        height={height}
        disableKeyboardNavigation
        yAxis={[{ scaleType: "band", data: stages.map((s) => s.label), width: 230 }]}
        xAxis={[{ tickMinStep: 1 }]}
        series={[
          { data: stages.map((s) => s.reached), label: reachedLabel, stack: "funnel" },
          { data: stages.map((s) => s.stopped), label: stoppedLabel, stack: "funnel" },
        ]}
        margin={{ right: 24 }}
      />
    </ClientOnly>
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
  const height = 80 + systems.length * 44;
  return (
    <ClientOnly height={height}>
      <BarChart
        layout="horizontal"
        height={height}
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
    </ClientOnly>
  );
}
