/** Writes app/theme.css from the MUI theme (components/theme.ts); see ADR 20. */
import { writeFileSync } from "node:fs";
import { themeCss } from "../components/theme-css";

writeFileSync("app/theme.css", themeCss());
console.log("wrote app/theme.css");
