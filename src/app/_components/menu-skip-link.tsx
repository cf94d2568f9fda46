"use client";

import { useEffect } from "react";

const menuId = "fr-header-main-navigation";

/**
 * The "Menu" skip link moves focus into the main navigation. A link to a `<nav>` only scrolls to it (focus
 * stays where it was), and on a phone the navigation sits in DSFR's closed menu window, so the link did
 * nothing: here the window is opened (through its own "Menu" button, so that DSFR keeps it coherent) and
 * the first link of the navigation focused once it can be. Without JavaScript the link still leads to the
 * navigation, shown in the page on phones (global.css).
 */
export function MenuSkipLink() {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest(`a[href="#${menuId}"]`) : null;
      const first = document.getElementById(menuId)?.querySelector<HTMLElement>("a[href]");
      if (!link || !first) return;
      event.preventDefault();
      const menuButton = document.getElementById("fr-header-menu-button");
      if (menuButton && menuButton.checkVisibility() && menuButton.getAttribute("aria-expanded") !== "true") menuButton.click();
      // DSFR shows the window a few frames later and focuses its first button when it does: focus after it.
      let frames = 0;
      const attempt = () => {
        if (first.checkVisibility({ visibilityProperty: true })) first.focus();
        if (document.activeElement !== first && ++frames < 120) requestAnimationFrame(attempt);
      };
      attempt();
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);
  return null;
}
