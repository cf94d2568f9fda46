import { getEnv } from "@/platform/env";
import { getRuntime } from "@/platform/runtime";
import { calendarResponse, meetingsCalendar } from "@/modules/meetings/ics";
import { hashFeedToken } from "@/modules/meetings/commands";
import { feedOwner, meetingsForPerson } from "@/modules/meetings/queries";

type Context = { params: Promise<{ token: string }> };

/**
 * A person's secret calendar feed (no session: calendar apps fetch it): the token's hash names the person;
 * the feed lists the meetings of the groups they belong to, each with the link to its page, nothing about
 * other people. An unknown or revoked token is a plain 404.
 */
export async function GET(_: Request, { params }: Context): Promise<Response> {
  const { token } = await params;
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return new Response("Abonnement introuvable.", { status: 404 });
  const { db } = await getRuntime();
  const userId = await feedOwner(db, hashFeedToken(token));
  if (!userId) return new Response("Abonnement introuvable.", { status: 404 });
  const { baseUrl } = getEnv();
  const list = (await meetingsForPerson(db, userId, new Date())).map((m) => ({ ...m, url: `${baseUrl}/espace/${m.territorySlug}/reunions/${m.id}` }));
  return calendarResponse(meetingsCalendar("Mes réunions — Maillage", list, new URL(baseUrl).host));
}
