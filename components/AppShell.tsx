"use client";

import {
  AppBar,
  Box,
  Button,
  Container,
  Link as MuiLink,
  List,
  ListItemButton,
  ListItemText,
  Toolbar,
  Typography,
} from "@mui/material";
import NextLink from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { useFocusKeeper } from "./useFocusKeeper";

export type NavItem = { href: string; label: string };

export type ShellLabels = {
  title: string;
  skipToContent: string;
  mainNav: string;
  signOut: string;
  language: string;
  languages: Record<"fi" | "sv" | "en", string>;
  footer: string;
  accessibility: string;
  feedback: string;
  feedbackEmail: string;
  menu: string;
  demoBanner?: string;
};

export function AppShell({
  nav,
  user,
  locale,
  labels,
  signOutAction,
  children,
}: {
  nav: NavItem[];
  user?: { name: string; role: string; organisation?: string };
  locale: string;
  labels: ShellLabels;
  signOutAction?: () => Promise<void>;
  children: ReactNode;
}) {
  const pathname = usePathname();
  useFocusKeeper();
  // Below the md breakpoint the navigation folds behind a menu button (320 px, 200 % zoom).
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuPath, setMenuPath] = useState(pathname);
  if (menuPath !== pathname) {
    // Following a link closes the menu (the keeper moves focus to the new page's heading).
    setMenuPath(pathname);
    setMenuOpen(false);
  }
  return (
    <Box sx={{ minHeight: "100vh", display: "flex", flexDirection: "column" }}>
      <MuiLink
        href="#main"
        sx={{
          position: "absolute",
          left: -10000,
          top: 8,
          zIndex: 2000,
          bgcolor: "background.paper",
          p: 1,
          "&:focus": { left: 8 },
        }}
      >
        {labels.skipToContent}
      </MuiLink>
      {labels.demoBanner && (
        <Box sx={{ bgcolor: "#fff4d6", color: "#3d2e00", px: 2, py: 0.5, textAlign: "center" }}>
          <Typography variant="body2">{labels.demoBanner}</Typography>
        </Box>
      )}
      <AppBar position="static" component="header" elevation={0}>
        <Toolbar sx={{ gap: 2, flexWrap: "wrap", py: 1, px: { xs: 1, sm: 2 } }}>
          <Typography
            component={NextLink}
            href="/"
            variant="h6"
            sx={{
              color: "inherit",
              textDecoration: "none",
              flexGrow: 1,
              fontWeight: 600,
              minWidth: 0,
              overflowWrap: "anywhere",
              fontSize: { xs: "1.05rem", sm: "1.25rem" },
            }}
          >
            {labels.title}
          </Typography>
          {nav.length > 0 && (
            <Button
              color="inherit"
              variant="outlined"
              aria-expanded={menuOpen}
              aria-controls="main-nav"
              onClick={() => setMenuOpen((o) => !o)}
              sx={{ display: { xs: "inline-flex", md: "none" } }}
            >
              {labels.menu}
            </Button>
          )}
          <LanguageSwitcher locale={locale} label={labels.language} names={labels.languages} />
          {user && (
            <Box
              sx={{ display: "flex", alignItems: "center", gap: 1, flexWrap: "wrap", minWidth: 0 }}
            >
              <Box sx={{ textAlign: { xs: "left", sm: "right" }, minWidth: 0 }}>
                <Typography variant="body2" component="p" sx={{ fontWeight: 600 }}>
                  {user.name}
                </Typography>
                <Typography variant="caption" component="p">
                  {user.role}
                  {user.organisation ? ` · ${user.organisation}` : ""}
                </Typography>
              </Box>
              {signOutAction && (
                <form action={signOutAction}>
                  <Button type="submit" color="inherit" variant="outlined" size="small">
                    {labels.signOut}
                  </Button>
                </form>
              )}
            </Box>
          )}
        </Toolbar>
      </AppBar>
      <Box sx={{ display: "flex", flexGrow: 1, flexDirection: { xs: "column", md: "row" } }}>
        {nav.length > 0 && (
          <Box
            component="nav"
            id="main-nav"
            aria-label={labels.mainNav}
            sx={{
              display: { xs: menuOpen ? "block" : "none", md: "block" },
              width: { md: 250 },
              flexShrink: 0,
              bgcolor: "background.paper",
              borderRight: { md: 1 },
              borderBottom: { xs: 1, md: 0 },
              borderColor: "divider",
            }}
          >
            <List sx={{ py: 0 }}>
              {nav.map((item) => {
                const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
                return (
                  <li key={item.href}>
                    <ListItemButton
                      component={NextLink}
                      href={item.href}
                      selected={current}
                      aria-current={current ? "page" : undefined}
                    >
                      <ListItemText primary={item.label} />
                    </ListItemButton>
                  </li>
                );
              })}
            </List>
          </Box>
        )}
        <Container
          component="main"
          id="main"
          tabIndex={-1}
          maxWidth="lg"
          sx={{ py: { xs: 2, sm: 4 }, px: { xs: 1.5, sm: 3 }, flexGrow: 1, minWidth: 0 }}
        >
          {children}
        </Container>
      </Box>
      <Box
        component="footer"
        sx={{
          borderTop: 1,
          borderColor: "divider",
          bgcolor: "background.paper",
          px: { xs: 1.5, sm: 3 },
          py: 2,
        }}
      >
        <Box sx={{ display: "flex", gap: 3, flexWrap: "wrap" }}>
          <Typography variant="body2">{labels.footer}</Typography>
          <MuiLink component={NextLink} href="/accessibility" variant="body2">
            {labels.accessibility}
          </MuiLink>
          <MuiLink href={`mailto:${labels.feedbackEmail}`} variant="body2">
            {labels.feedback}
          </MuiLink>
        </Box>
      </Box>
    </Box>
  );
}
