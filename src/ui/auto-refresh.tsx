"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the current page from the server every `seconds` while it is shown (a waiting page).
 * With JavaScript only: a meta refresh would be a time limit the person cannot control (RGAA 13.1,
 * axe `meta-refresh`), so pages without JavaScript offer an "actualiser" link instead.
 */
export function AutoRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
