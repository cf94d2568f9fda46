import { describe, expect, it } from "vitest";
import { indicatorStatus, type StatusIndicator } from "./status";

// Every expected status below is worked out by hand in the comment beside it (ADR 030).
const up: StatusIndicator = { direction: "hausse", baselineValue: 100, baselineOn: "2026-01-01" };
const down: StatusIndicator = { direction: "baisse", baselineValue: 40, baselineOn: "2026-01-01" };
const hold: StatusIndicator = { direction: "maintien", baselineValue: null, baselineOn: null };
const yearTarget = (value: number) => [{ periodEnd: "2026-12-31", value }];
const at = (measuredOn: string, value: number) => ({ measuredOn, value });

describe("indicatorStatus", () => {
  it("says « sans données » without a measurement up to today, or without a target", () => {
    expect(indicatorStatus(up, yearTarget(200), [], "2026-07-02")).toBe("sans_donnees");
    // The only measurement is after today: not known yet.
    expect(indicatorStatus(up, yearTarget(200), [at("2026-08-01", 190)], "2026-07-02")).toBe("sans_donnees");
    expect(indicatorStatus(up, [], [at("2026-03-01", 190)], "2026-07-02")).toBe("sans_donnees");
  });

  it("hausse: on the straight line from the baseline to the target", () => {
    // 1 Jan → 2 Jul = 182 days of 364: half-way, expected 100 + (200 − 100) × 0.5 = 150.
    expect(indicatorStatus(up, yearTarget(200), [at("2026-06-30", 160)], "2026-07-02")).toBe("en_bonne_voie");
    expect(indicatorStatus(up, yearTarget(200), [at("2026-06-30", 150)], "2026-07-02")).toBe("en_bonne_voie");
    expect(indicatorStatus(up, yearTarget(200), [at("2026-06-30", 140)], "2026-07-02")).toBe("en_retard");
    expect(indicatorStatus(up, yearTarget(200), [at("2026-06-30", 200)], "2026-07-02")).toBe("atteint");
  });

  it("takes the latest measurement, whatever the order they come in", () => {
    expect(indicatorStatus(up, yearTarget(200), [at("2026-06-30", 140), at("2026-03-01", 180)], "2026-07-02")).toBe("en_retard");
    expect(indicatorStatus(up, yearTarget(200), [at("2026-06-30", 210), at("2026-03-01", 120)], "2026-07-02")).toBe("atteint");
  });

  it("baisse: lower is better", () => {
    // Half-way from 40 to 20: expected 30.
    expect(indicatorStatus(down, yearTarget(20), [at("2026-07-01", 28)], "2026-07-02")).toBe("en_bonne_voie");
    expect(indicatorStatus(down, yearTarget(20), [at("2026-07-01", 33)], "2026-07-02")).toBe("en_retard");
    expect(indicatorStatus(down, yearTarget(20), [at("2026-07-01", 19)], "2026-07-02")).toBe("atteint");
  });

  it("maintien: within 5 % of the level is held, within 10 % on track", () => {
    // Level 50: 5 % = 2.5, 10 % = 5.
    expect(indicatorStatus(hold, yearTarget(50), [at("2026-05-01", 52)], "2026-07-02")).toBe("atteint");
    expect(indicatorStatus(hold, yearTarget(50), [at("2026-05-01", 47.5)], "2026-07-02")).toBe("atteint");
    expect(indicatorStatus(hold, yearTarget(50), [at("2026-05-01", 54)], "2026-07-02")).toBe("en_bonne_voie");
    expect(indicatorStatus(hold, yearTarget(50), [at("2026-05-01", 44)], "2026-07-02")).toBe("en_retard");
    // Period over and off the level: late.
    expect(indicatorStatus(hold, yearTarget(50), [at("2026-12-01", 54)], "2027-01-10")).toBe("en_retard");
  });

  it("a target whose period is over and not reached is late, even if the value moved the right way", () => {
    expect(indicatorStatus(up, [{ periodEnd: "2026-06-30", value: 200 }], [at("2026-06-15", 190)], "2026-07-02")).toBe("en_retard");
  });

  it("after a passed target, the line starts from that target", () => {
    const targets = [
      { periodEnd: "2026-06-30", value: 150 },
      { periodEnd: "2026-12-31", value: 200 },
    ];
    // 30 Jun → 30 Sep = 92 days of 184: expected 150 + 50 × 0.5 = 175.
    expect(indicatorStatus(up, targets, [at("2026-09-15", 180)], "2026-09-30")).toBe("en_bonne_voie");
    expect(indicatorStatus(up, targets, [at("2026-09-15", 170)], "2026-09-30")).toBe("en_retard");
  });

  it("without a baseline, the line starts from the first measurement", () => {
    const noBaseline: StatusIndicator = { direction: "hausse", baselineValue: null, baselineOn: null };
    // From (1 Jan, 100) to (31 Dec, 200); on 2 Jul expected 150: the latest value 145 is behind.
    expect(indicatorStatus(noBaseline, yearTarget(200), [at("2026-01-01", 100), at("2026-07-01", 145)], "2026-07-02")).toBe("en_retard");
    expect(indicatorStatus(noBaseline, yearTarget(200), [at("2026-01-01", 100), at("2026-07-01", 155)], "2026-07-02")).toBe("en_bonne_voie");
  });

  it("accepts today as a Date", () => {
    expect(indicatorStatus(up, yearTarget(200), [at("2026-06-30", 160)], new Date("2026-07-02T10:00:00Z"))).toBe("en_bonne_voie");
  });
});
