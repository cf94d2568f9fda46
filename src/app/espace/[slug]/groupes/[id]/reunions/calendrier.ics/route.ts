import { getEnv } from "@/platform/env";
import { territoryRoute } from "@/modules/territories/web";
import { territoryPolicy } from "@/modules/territories";
import { meetingPolicy } from "@/modules/meetings";
import { calendarResponse, meetingsCalendar } from "@/modules/meetings/ics";
import { groupBody, meetingsOfGroup } from "@/modules/meetings/queries";

type Context = { params: Promise<{ slug: string; id: string }> };

/** A group's meetings as an iCalendar download, for its members. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug, id } = await params;
  const opened = await territoryRoute(request, slug, territoryPolicy.viewWorkspace, { signInBack: `/espace/${slug}/groupes/${id}/reunions` });
  if (opened instanceof Response) return opened;
  const { db, territory, principal } = opened;
  const found = await groupBody(db, territory, id);
  if (!found) return new Response("Groupe introuvable.", { status: 404 });
  if (!meetingPolicy.view(principal, found.body)) return new Response("Vous n'avez pas accès à ce groupe.", { status: 403 });
  const { baseUrl } = getEnv();
  const list = (await meetingsOfGroup(db, territory.id, id)).map((m) => ({ ...m, groupName: found.group.name, url: `${baseUrl}/espace/${slug}/reunions/${m.id}` }));
  return calendarResponse(meetingsCalendar(found.group.name, list, new URL(baseUrl).host), "calendrier-groupe.ics");
}
