import { describe, expect, it } from "vitest";

import { isOpenAt, openAt, statusText, validate, weeklyTable } from "./opening-hours";

/** Typical digital-mediation place. */
const PLACE = "Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off";

const NBSP = "\u00a0";
/** Replace non-breaking spaces to keep expectations readable. */
const plain = (text: string | undefined) => text?.replaceAll(NBSP, " ");
const at = (iso: string) => new Date(iso);

describe("validate", () => {
  it("accepts and normalizes valid values", () => {
    expect(validate(PLACE)).toEqual({ ok: true, normalized: PLACE });
    expect(validate(" mo-fr 9:00-12:00 ; sa 09:00-12:00 ")).toEqual({
      ok: true,
      normalized: "Mo-Fr 09:00-12:00; Sa 09:00-12:00",
    });
    expect(validate("Mo-Fr 09:00-12:00; Sa,Su off; PH off")).toMatchObject({ ok: true });
    // A past date is not a syntax error.
    expect(validate("2020 Jan 01 off; Mo-Fr 09:00-12:00")).toMatchObject({ ok: true });
  });

  it("treats an empty value as « no hours »", () => {
    expect(validate("")).toEqual({ ok: true, normalized: "" });
    expect(validate("   ")).toEqual({ ok: true, normalized: "" });
  });

  it("rejects out-of-range times with a precise French message", () => {
    expect(validate("Mo 25:00-26:00")).toEqual({
      ok: false,
      message:
        `Horaires illisibles${NBSP}: la plage horaire commence en dehors du jour actuel ` +
        `(près de «${NBSP}Mo 25:00${NBSP}»)${NBSP}; exemple attendu${NBSP}: Mo-Fr 09:00-12:00,14:00-17:30`,
    });
  });

  it("rejects French free text the library only guessed, proposing the correction", () => {
    const result = validate("Lundi 9h-12h");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(plain(result.message)).toBe(
      `Horaires illisibles : veuillez utiliser l'abréviation anglaise "Mo" pour "lundi" (près de « Lundi ») ; ` +
        "correction proposée : Mo 09:00-12:00",
    );
  });

  it.each([
    ["tous les jours", "caractère inattendu"],
    ["Mo-Fr 09:00-", "la plage horaire ne continue pas comme prévu"],
    ["Mo-Fr 09:00-12:00 et 14:00-17:00", "correction proposée : Mo-Fr 09:00-12:00,14:00-17:00"],
    ["Mo-Fr 9-12", "sans minutes"],
    ["Mo-Fr 09:00-17:00; SH off", "vacances scolaires (SH) ne sont pas prises en charge"],
  ])("rejects %j", (value, expected) => {
    const result = validate(value);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.startsWith(`Horaires illisibles${NBSP}:`)).toBe(true);
    expect(plain(result.message)).toContain(expected);
  });

  it("keeps messages short (no library joke about semicolons)", () => {
    const result = validate("Mo-Fr 09:00-12:00;");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).not.toContain("développeur");
    expect(plain(result.message)).toContain("correction proposée : Mo-Fr 09:00-12:00");
  });
});

describe("isOpenAt (Europe/Paris)", () => {
  it("Tuesday 10:00 in Paris: open until noon", () => {
    const status = isOpenAt(PLACE, at("2026-07-07T08:00:00Z"));
    expect(status).toMatchObject({ open: true, state: "open", nextState: "closed", holiday: undefined });
    expect(status?.nextChange?.toISOString()).toBe("2026-07-07T10:00:00.000Z");
  });

  it("Tuesday 13:00 in Paris: closed for lunch, reopens at 14:00", () => {
    const status = isOpenAt(PLACE, at("2026-07-07T11:00:00Z"));
    expect(status).toMatchObject({ open: false, state: "closed", nextState: "open" });
    expect(status?.nextChange?.toISOString()).toBe("2026-07-07T12:00:00.000Z");
  });

  it("Saturday: open in the morning, closed in the afternoon until Monday 9:00", () => {
    expect(isOpenAt(PLACE, at("2026-07-11T09:00:00Z"))?.open).toBe(true);
    const afternoon = isOpenAt(PLACE, at("2026-07-11T13:00:00Z"));
    expect(afternoon?.open).toBe(false);
    expect(afternoon?.nextChange?.toISOString()).toBe("2026-07-13T07:00:00.000Z");
  });

  it("converts a UTC instant to Paris time (server in UTC or elsewhere)", () => {
    const schedule = "Mo-Fr 09:00-12:00";
    // Summer (UTC+2): 07:30Z is 09:30 in Paris, 06:30Z is 08:30.
    expect(isOpenAt(schedule, at("2026-07-01T07:30:00Z"))?.open).toBe(true);
    expect(isOpenAt(schedule, at("2026-07-01T06:30:00Z"))?.open).toBe(false);
    // Winter (UTC+1): 08:30Z is 09:30, 07:30Z is 08:30; 10:30Z is 11:30, 11:30Z is 12:30.
    expect(isOpenAt(schedule, at("2026-01-06T08:30:00Z"))?.open).toBe(true);
    expect(isOpenAt(schedule, at("2026-01-06T07:30:00Z"))?.open).toBe(false);
    expect(isOpenAt(schedule, at("2026-01-06T10:30:00Z"))?.open).toBe(true);
    expect(isOpenAt(schedule, at("2026-01-06T11:30:00Z"))?.open).toBe(false);
    // Friday 23:30 UTC is already Saturday 01:30 in Paris.
    expect(isOpenAt("Sa 00:00-02:00", at("2026-07-10T23:30:00Z"))?.open).toBe(true);
  });

  // 10:00 Paris on each date: 08:00Z in summer time, 09:00Z in winter time.
  it.each([
    ["Nouvel An", "2026-01-01T09:00:00Z"],
    ["Lundi de Pâques", "2026-04-06T08:00:00Z"],
    ["Fête du travail", "2026-05-01T08:00:00Z"],
    ["Fête de la Victoire 1945", "2026-05-08T08:00:00Z"],
    ["Ascension", "2026-05-14T08:00:00Z"],
    ["Lundi de Pentecôte", "2026-05-25T08:00:00Z"],
    ["Fête Nationale de la France", "2026-07-14T08:00:00Z"],
    ["Armistice 1918", "2026-11-11T09:00:00Z"],
    ["Noël", "2026-12-25T09:00:00Z"],
  ])("public holiday %s is closed with « PH off »", (name, iso) => {
    expect(isOpenAt(PLACE, at(iso))).toMatchObject({ open: false, state: "closed", holiday: name, comment: undefined });
    // Control: the same weekday is open when the schedule does not mention PH.
    expect(isOpenAt("Mo-Fr 09:00-12:00,14:00-17:30", at(iso))?.open).toBe(true);
  });

  it("ordinary days around holidays stay open (Good Friday, 26 December outside Alsace-Moselle)", () => {
    expect(isOpenAt(PLACE, at("2026-04-03T08:00:00Z"))).toMatchObject({ open: true, holiday: undefined });
    expect(isOpenAt(PLACE, at("2026-12-26T09:00:00Z"))).toMatchObject({ open: true, holiday: undefined });
    expect(isOpenAt(PLACE, at("2026-07-15T08:00:00Z"))?.open).toBe(true);
  });

  it("Alsace-Moselle holidays need the département", () => {
    const moselle = { department: "Moselle" };
    expect(isOpenAt(PLACE, at("2026-04-03T08:00:00Z"), moselle)).toMatchObject({ open: false, holiday: "Vendredi saint" });
    expect(isOpenAt(PLACE, at("2026-12-26T09:00:00Z"), moselle)).toMatchObject({ open: false, holiday: "Lendemain de Noël" });
  });

  it("honours « off » days", () => {
    const schedule = "Mo-Fr 09:00-17:00; We off; Sa,Su off";
    expect(isOpenAt(schedule, at("2026-07-08T08:00:00Z"))?.open).toBe(false); // Wednesday
    expect(isOpenAt(schedule, at("2026-07-09T08:00:00Z"))?.open).toBe(true); // Thursday
    expect(isOpenAt(schedule, at("2026-07-08T08:00:00Z"))?.nextChange?.toISOString()).toBe("2026-07-09T07:00:00.000Z");
    expect(isOpenAt("off", at("2026-07-08T08:00:00Z"))).toMatchObject({ open: false, nextChange: undefined });
  });

  it("« sur rendez-vous » without explicit open is an unknown state carrying the comment", () => {
    expect(isOpenAt('Mo-Fr 09:00-12:00 "sur rendez-vous"', at("2026-07-07T08:00:00Z"))).toMatchObject({
      open: false,
      state: "unknown",
      comment: "sur rendez-vous",
    });
    expect(isOpenAt('Mo-Fr 09:00-12:00 open "sur rendez-vous"', at("2026-07-07T08:00:00Z"))).toMatchObject({
      open: true,
      comment: "sur rendez-vous",
    });
  });

  it("returns null without usable hours", () => {
    expect(isOpenAt("", at("2026-07-07T08:00:00Z"))).toBeNull();
    expect(isOpenAt("tous les jours", at("2026-07-07T08:00:00Z"))).toBeNull();
    expect(isOpenAt("Mo-Fr 09:00-17:00; SH off", at("2026-07-07T08:00:00Z"))).toBeNull();
  });

  describe("DST boundaries", () => {
    it("spring forward, Sunday 29 March 2026 (02:00 CET → 03:00 CEST)", () => {
      const night = "Su 03:00-04:00";
      const before = isOpenAt(night, at("2026-03-29T00:30:00Z")); // 01:30 CET
      expect(before?.open).toBe(false);
      expect(before?.nextChange?.toISOString()).toBe("2026-03-29T01:00:00.000Z"); // 03:00 CEST
      expect(isOpenAt(night, at("2026-03-29T01:30:00Z"))?.open).toBe(true); // 03:30 CEST

      const daily = "Mo-Su 09:00-12:00";
      expect(isOpenAt(daily, at("2026-03-28T08:30:00Z"))?.open).toBe(true); // Sat 09:30 CET
      expect(isOpenAt(daily, at("2026-03-29T07:30:00Z"))?.open).toBe(true); // Sun 09:30 CEST
      expect(isOpenAt(daily, at("2026-03-29T06:30:00Z"))?.open).toBe(false); // Sun 08:30 CEST
      expect(isOpenAt(daily, at("2026-03-28T15:00:00Z"))?.nextChange?.toISOString()).toBe("2026-03-29T07:00:00.000Z");
    });

    it("fall back, Sunday 25 October 2026 (03:00 CEST → 02:00 CET)", () => {
      const morning = "Su 09:00-12:00";
      const early = isOpenAt(morning, at("2026-10-25T07:30:00Z")); // 08:30 CET
      expect(early?.open).toBe(false);
      expect(early?.nextChange?.toISOString()).toBe("2026-10-25T08:00:00.000Z");
      expect(isOpenAt(morning, at("2026-10-25T08:30:00Z"))?.nextChange?.toISOString()).toBe("2026-10-25T11:00:00.000Z");

      // 02:00–03:00 happens twice: open during both, closes at 03:00 CET.
      const night = "Su 02:00-03:00";
      expect(isOpenAt(night, at("2026-10-25T00:30:00Z"))?.open).toBe(true); // 02:30 CEST
      expect(isOpenAt(night, at("2026-10-25T01:30:00Z"))?.open).toBe(true); // 02:30 CET
      expect(isOpenAt(night, at("2026-10-25T00:30:00Z"))?.nextChange?.toISOString()).toBe("2026-10-25T02:00:00.000Z");
      expect(isOpenAt(night, at("2026-10-25T02:30:00Z"))?.open).toBe(false); // 03:30 CET
    });
  });
});

describe("statusText", () => {
  it.each([
    ["2026-07-07T08:00:00Z", "Ouvert jusqu’à 12 h"], // Tuesday 10:00
    ["2026-07-10T15:00:00Z", "Ouvert jusqu’à 17 h 30"], // Friday 17:00
    ["2026-07-07T11:00:00Z", "Ouvre à 14 h"], // Tuesday 13:00
    ["2026-07-10T18:00:00Z", "Ouvre demain à 9 h"], // Friday 20:00
    ["2026-07-11T13:00:00Z", "Ouvre lundi à 9 h"], // Saturday 15:00
    ["2026-12-25T09:00:00Z", "Fermé (Noël), ouvre demain à 9 h"],
    ["2026-04-06T08:00:00Z", "Fermé (Lundi de Pâques), ouvre demain à 9 h"],
  ])("%s → %s", (iso, expected) => {
    expect(plain(statusText(PLACE, at(iso)))).toBe(expected);
  });

  it("uses French typography (non-breaking spaces, typographic apostrophe)", () => {
    expect(statusText(PLACE, at("2026-07-10T15:00:00Z"))).toBe(`Ouvert jusqu’à 17${NBSP}h${NBSP}30`);
  });

  it("phrases other situations", () => {
    const tuesday10 = at("2026-07-07T08:00:00Z");
    expect(statusText("", tuesday10)).toBe("Horaires non renseignés");
    expect(statusText("tous les jours", tuesday10)).toBe("Horaires illisibles");
    expect(statusText("off", tuesday10)).toBe("Fermé");
    expect(statusText("24/7", tuesday10)).toBe("Ouvert");
    expect(statusText("Mo-Fr 18:00-24:00", at("2026-07-07T17:00:00Z"))).toBe("Ouvert jusqu’à minuit");
    expect(plain(statusText('Mo-Fr 09:00-12:00 "sur rendez-vous"', tuesday10))).toBe("Sur rendez-vous jusqu’à 12 h");
    expect(plain(statusText('Mo-Fr 09:00-12:00 open "sur rendez-vous"', tuesday10))).toBe(
      "Ouvert jusqu’à 12 h (sur rendez-vous)",
    );
    expect(plain(statusText("Mo 09:00-12:00; Jul,Aug off", tuesday10))).toBe("Ouvre le lundi 7 septembre à 9 h");
  });
});

describe("weeklyTable", () => {
  it("lists Monday to Sunday with French intervals, holidays included", () => {
    const table = weeklyTable(PLACE, at("2026-04-08T10:00:00Z"));
    expect(table?.days.map((day) => [day.day, day.date, plain(day.text)])).toEqual([
      ["Lundi", "2026-04-06", "Fermé (Lundi de Pâques)"],
      ["Mardi", "2026-04-07", "9 h – 12 h, 14 h – 17 h 30"],
      ["Mercredi", "2026-04-08", "9 h – 12 h, 14 h – 17 h 30"],
      ["Jeudi", "2026-04-09", "9 h – 12 h, 14 h – 17 h 30"],
      ["Vendredi", "2026-04-10", "9 h – 12 h, 14 h – 17 h 30"],
      ["Samedi", "2026-04-11", "9 h – 12 h"],
      ["Dimanche", "2026-04-12", "Fermé"],
    ]);
    expect(table?.days[1]?.text).toBe(`9${NBSP}h${NBSP}– 12${NBSP}h, 14${NBSP}h${NBSP}– 17${NBSP}h${NBSP}30`);
    expect(table?.days[1]?.slots).toEqual([
      { start: "09:00", end: "12:00", label: `9${NBSP}h${NBSP}– 12${NBSP}h`, unknown: false, comment: undefined },
      { start: "14:00", end: "17:30", label: `14${NBSP}h${NBSP}– 17${NBSP}h${NBSP}30`, unknown: false, comment: undefined },
    ]);
    expect(table).toMatchObject({ comments: [], byAppointment: false });
  });

  it("picks the week in Paris time, not in server time", () => {
    // Sunday 23:30 in Paris (21:30 UTC): still the week of Monday 6 July.
    expect(weeklyTable(PLACE, at("2026-07-12T21:30:00Z"))?.days[0]?.date).toBe("2026-07-06");
    // Monday 00:30 in Paris is still Sunday in UTC: already the week of 13 July.
    expect(weeklyTable(PLACE, at("2026-07-12T22:30:00Z"))?.days[0]?.date).toBe("2026-07-13");
  });

  it("shows « off » days, 14 July and appointment comments", () => {
    const table = weeklyTable(
      'Mo-Fr 09:00-17:00; We off; Sa 09:00-12:00 open "sur rendez-vous"; PH off',
      at("2026-07-14T10:00:00Z"),
    );
    expect(table?.days.map((day) => plain(day.text))).toEqual([
      "9 h – 17 h",
      "Fermé (Fête Nationale de la France)",
      "Fermé",
      "9 h – 17 h",
      "9 h – 17 h",
      "9 h – 12 h (sur rendez-vous)",
      "Fermé",
    ]);
    expect(table?.days[1]?.holiday).toBe("Fête Nationale de la France");
    expect(table).toMatchObject({ comments: ["sur rendez-vous"], byAppointment: true });
  });

  it("keeps wall-clock hours in DST weeks", () => {
    for (const reference of ["2026-03-29T12:00:00Z", "2026-10-25T12:00:00Z"]) {
      const table = weeklyTable("Mo-Su 09:00-12:00", at(reference));
      expect(table?.days.map((day) => plain(day.text))).toEqual(Array(7).fill("9 h – 12 h"));
      expect(table?.days[6]?.date).toBe(reference.slice(0, 10));
    }
    expect(plain(weeklyTable("Su 03:00-04:00", at("2026-03-29T12:00:00Z"))?.days[6]?.text)).toBe("3 h – 4 h");
  });

  it("renders whole days and unknown states", () => {
    const reference = at("2026-07-07T08:00:00Z");
    expect(weeklyTable("24/7", reference)?.days[0]?.text).toBe(`24${NBSP}h sur 24`);
    expect(weeklyTable('"sur rendez-vous"', reference)?.days[0]?.text).toBe("Sur rendez-vous");
    expect(plain(weeklyTable("Mo 18:00-24:00", reference)?.days[0]?.text)).toBe("18 h – minuit");
  });

  it("returns null without usable hours", () => {
    expect(weeklyTable("", at("2026-07-07T08:00:00Z"))).toBeNull();
    expect(weeklyTable("tous les jours", at("2026-07-07T08:00:00Z"))).toBeNull();
  });
});

describe("answers kept for the many places that share a schedule", () => {
  const tuesday10 = at("2026-07-07T08:00:00Z"); // Tuesday 10:00 in Paris

  it("openAt says « open » only for hours certainly open, whatever the number of places sharing them", () => {
    const open = openAt(tuesday10);
    // Open at 10:00 on a Tuesday: the first two; closed: Saturday only; unknown (by appointment only), unreadable, none: not open.
    expect(
      [PLACE, "Mo-Fr 09:00-12:00", "Sa 09:00-12:00", 'Mo-Fr 09:00-12:00 "sur rendez-vous"', "tous les jours", "", null, PLACE].map(open),
    ).toEqual([true, true, false, false, false, false, false, true]);
    // One minute later it is still open; on Saturday afternoon it is not.
    expect(openAt(at("2026-07-07T08:01:30Z"))(PLACE)).toBe(true);
    expect(openAt(at("2026-07-11T13:00:00Z"))(PLACE)).toBe(false);
  });

  it("gives every caller its own copy of a status (a change by one does not reach the next)", () => {
    const first = isOpenAt(PLACE, tuesday10);
    first?.nextChange?.setFullYear(1999);
    if (first) first.state = "closed";
    const second = isOpenAt(PLACE, tuesday10);
    expect(second).toMatchObject({ open: true, state: "open" });
    expect(second?.nextChange?.toISOString()).toBe("2026-07-07T10:00:00.000Z");
  });

  it("evaluates at the minute: a few seconds later, the next change is the same instant", () => {
    const later = isOpenAt(PLACE, at("2026-07-07T08:00:42Z"));
    expect(later?.nextChange?.toISOString()).toBe("2026-07-07T10:00:00.000Z");
    // 11:59:30 in Paris is still open; 12:00:00 is closed.
    expect(isOpenAt(PLACE, at("2026-07-07T09:59:30Z"))?.open).toBe(true);
    expect(isOpenAt(PLACE, at("2026-07-07T10:00:00Z"))?.open).toBe(false);
  });

  it("keeps a week's table: the same answer for any day of that week, and it cannot be changed by a reader", () => {
    const monday = weeklyTable(PLACE, at("2026-04-06T10:00:00Z"));
    const sunday = weeklyTable(PLACE, at("2026-04-12T20:00:00Z"));
    expect(sunday).toBe(monday);
    expect(monday?.days[0]?.text).toBe("Fermé (Lundi de Pâques)");
    expect(Object.isFrozen(monday?.days[0])).toBe(true);
    expect(() => {
      if (monday?.days[0]) (monday.days[0] as { text: string }).text = "Ouvert";
    }).toThrow(TypeError);
    // The next week is another table (no holiday on Monday 13 April).
    expect(plain(weeklyTable(PLACE, at("2026-04-13T10:00:00Z"))?.days[0]?.text)).toBe("9 h – 12 h, 14 h – 17 h 30");
  });

  it("answers the same for unreadable hours however often they are asked", () => {
    for (let i = 0; i < 3; i++) {
      expect(isOpenAt("tous les jours", tuesday10)).toBeNull();
      expect(statusText("tous les jours", tuesday10)).toBe("Horaires illisibles");
      expect(validate("tous les jours").ok).toBe(false);
    }
  });
});
