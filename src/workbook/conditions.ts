/**
 * The conditions the sources set on the payments, each a yes/no input with its source, and how the sheets name
 * them when they do not hold. A county's conditions hold back its county grant or regional support; a Senior alert
 * party qualifies when all of its conditions hold; a pilot's grant is held back until its conditions hold.
 */
import type { SeniorAlertIntroduction } from "./inputs";
import { HEADER } from "./sheets/names";
import { UNKNOWN_CODE } from "./sheets/reference";

/** The conditions a county's payment waits for, in the words of the sheet. */
export const CONDITION_WORDS = {
  developmentPlan: "plan för utvecklingsarbetet",
  agreement: "överenskommelse med SKL",
  letterOfIntent: "avsiktsförklaring",
} as const;

/** What a Senior alert party's conditions are read from: its introduction and whether all relevant units started. */
export interface SeniorAlertConditionFacts {
  readonly introduction: SeniorAlertIntroduction;
  readonly allUnitsStarted: boolean;
}

/**
 * The conditions a party qualifies by, in order, each a yes/no input: the introduction process ("Prestationsbaserade
 * statsbidrag till insatser för äldre", bild 8: "körkort, lösenord och lokal koordinator och samtliga relevanta
 * verksamheter identifierade"), the party's own list of relevant units ("varje kommun och landsting ansvarar för att
 * ta fram sin egen lista"), and the goal: all relevant units have started registration (Cirkulär 10:11, Mål 2).
 */
export const SENIOR_ALERT_CONDITIONS: readonly {
  readonly key: string;
  readonly header: string;
  /** How the page and the reasons name it when it does not hold. */
  readonly missing: string;
  readonly met: (party: SeniorAlertConditionFacts) => boolean;
}[] = [
  { key: "korkort", header: HEADER.licence, missing: "körkort", met: (p) => p.introduction.licence },
  { key: "losenord", header: HEADER.passwords, missing: "lösenord", met: (p) => p.introduction.passwords },
  {
    key: "koordinator",
    header: HEADER.coordinator,
    missing: "lokal koordinator",
    met: (p) => p.introduction.coordinator,
  },
  {
    key: "identifierade",
    header: HEADER.unitsIdentified,
    missing: "alla relevanta verksamheter identifierade",
    met: (p) => p.introduction.unitsIdentified,
  },
  {
    key: "lista",
    header: HEADER.unitList,
    missing: "egen lista över relevanta verksamheter",
    met: (p) => p.introduction.unitList,
  },
  {
    key: "start",
    header: HEADER.started,
    missing: "registrering startad i alla relevanta enheter",
    met: (p) => p.allUnitsStarted,
  },
];

/** The conditions of a party that do not hold, as the sheet words them ("lokal koordinator; …"). */
export function unmetSeniorAlert(party: SeniorAlertConditionFacts): string {
  return SENIOR_ALERT_CONDITIONS.filter((c) => !c.met(party))
    .map((c) => c.missing)
    .join("; ");
}

/**
 * A party that started registration in every relevant unit but lacks a step of the introduction, as Avstämning
 * lists it ("Vallentuna (lokal koordinator)"); undefined for any other party.
 */
export function heldBySeniorAlertConditions(
  party: SeniorAlertConditionFacts & {
    readonly name: string;
    readonly allUnitsStarted: boolean;
    readonly qualifies: boolean;
  }
): string | undefined {
  return party.allUnitsStarted && !party.qualifies
    ? `${party.name || UNKNOWN_CODE} (${unmetSeniorAlert(party)})`
    : undefined;
}

/**
 * The conditions a Senior alert party has not met, by name, for the reason that names them: undefined when the
 * only one is the start of registration in all relevant units (the goal's own words say why then).
 */
export function seniorAlertUnmet(party: SeniorAlertConditionFacts): string[] | undefined {
  const unmet = SENIOR_ALERT_CONDITIONS.filter((c) => !c.met(party));
  return unmet.some((c) => c.key !== "start") ? unmet.map((c) => c.missing) : undefined;
}
