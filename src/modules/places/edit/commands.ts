import { and, eq } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { recordAudit } from "@/platform/audit/record";
import type { Db } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { inPerimeter, type TerritoryRef } from "@/modules/territories";
import { explainPostcodeAndCommune } from "@/modules/geo";
import { findActor, speakerIdsOf } from "@/modules/actors";
import { parisToday } from "@/platform/dates";
import { communeOf, row } from "../commands";
import { places } from "../schema";
import { findPlace } from "../queries";
import { placePolicy } from "../policy";
import { applyEdit } from "./form";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The version a form was opened on: the place's last modification, to the millisecond. */
export const versionOf = (place: { modifiedAt: Date }) => place.modifiedAt.toISOString();

/**
 * Edits a place directly (its actor, a coordinator of a territory containing it, an administrator).
 * `raw` is the whole form; `raw.version` the version it was opened on: a place changed meanwhile by
 * someone else is refused (409) rather than overwritten. `raw.actor` links the place to an actor the
 * territory sees ("" = no actor), for coordinators only.
 */
export async function updatePlace(db: Db, principal: Principal, territory: TerritoryRef, placeId: string, raw: Record<string, unknown>): Promise<{ changed: string[] }> {
  return db.transaction(async (tx) => {
    const place = await findPlace(tx, territory.id, placeId);
    if (!place) throw new AppError("not_found");
    const ref = { actorSpeakerIds: await speakerIdsOf(tx, place.actorId) };
    if (!placePolicy.edit(principal, territory, ref)) throw new AppError("forbidden");
    if (String(raw.version ?? "") !== versionOf(place)) throw new AppError("edit_conflict");

    const edited = applyEdit(place.data, raw, parisToday());
    if (!edited.ok) throw new AppError("validation", { fieldErrors: edited.fieldErrors });
    const record = edited.record;

    let communeCode = place.communeCode ?? undefined;
    if (edited.changed.includes("code_postal") || edited.changed.includes("commune")) {
      communeCode = await communeOf(tx, record);
      if (!communeCode) throw new AppError("validation", { fieldErrors: { commune: [await explainPostcodeAndCommune(tx, record.code_postal, record.commune)] } });
      if (!(await inPerimeter(tx, territory.id, communeCode)) && !placePolicy.moveOutside(principal, territory, ref)) {
        throw new AppError("validation", { fieldErrors: { commune: ["Cette commune est hors du territoire : le lieu en sortirait. Si le lieu a déménagé ailleurs, signalez-le à l'administration de la plateforme."] } });
      }
      record.code_insee = communeCode;
    }

    let actorId = place.actorId;
    if (raw.actor !== undefined && String(raw.actor) !== (place.actorId ?? "")) {
      if (!placePolicy.linkActor(principal, territory, ref)) throw new AppError("forbidden");
      const wanted = String(raw.actor);
      if (wanted === "") actorId = null;
      else if (!UUID.test(wanted) || !(await findActor(tx, territory.id, wanted))) throw new AppError("validation", { fieldErrors: { actor: ["Choisissez une structure dans la liste."] } });
      else actorId = wanted;
    }

    const changed = [...edited.changed, ...(actorId !== place.actorId ? ["acteur"] : [])];
    if (changed.length === 0) return { changed };
    const by = principalLabel(principal, { show: "email" });
    const written = await tx
      .update(places)
      .set({ ...row(record, place.source, communeCode, by), actorId })
      .where(and(eq(places.id, place.id), eq(places.modifiedAt, place.modifiedAt)))
      .returning({ id: places.id });
    // Someone saved the same place between our read and our write: theirs stays, ours is refused.
    if (written.length === 0) throw new AppError("edit_conflict");
    await recordAudit(tx, principal, {
      territoryId: territory.id,
      entityType: "place",
      entityId: place.id,
      action: "update",
      before: { ...place.data, actorId: place.actorId },
      after: { ...record, actorId },
    });
    return { changed };
  });
}
