"use client";

import { FormControl, InputLabel, MenuItem, Select } from "@mui/material";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocale } from "@/lib/i18n/actions";

export function LanguageSwitcher({
  locale,
  label,
  names,
}: {
  locale: string;
  label: string;
  names: Record<"fi" | "sv" | "en", string>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <FormControl size="small" sx={{ minWidth: 130 }}>
      <InputLabel id="language-label" sx={{ color: "inherit" }}>
        {label}
      </InputLabel>
      <Select
        labelId="language-label"
        id="language"
        value={locale}
        label={label}
        // Not disabled while switching: a disabled select would drop keyboard focus to the page.
        aria-busy={pending}
        onChange={(e) =>
          start(async () => {
            await setLocale(String(e.target.value));
            router.refresh();
          })
        }
        sx={{
          color: "inherit",
          ".MuiOutlinedInput-notchedOutline": { borderColor: "currentColor" },
          ".MuiSvgIcon-root": { color: "inherit" },
        }}
      >
        {(Object.keys(names) as (keyof typeof names)[]).map((l) => (
          <MenuItem key={l} value={l} lang={l}>
            {names[l]}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
