package nl.stuurwiel.opdracht;

/**
 * Ids and variable names of processes/opdracht-levenscyclus.bpmn, shared by delegates and tests
 * so that a renamed element breaks the build rather than production.
 */
public final class LevenscyclusProces {

    public static final String PROCESS_ID = "opdracht-levenscyclus";
    public static final String DECISION_PRIORITERING = "prioritering";

    /** Variables: the key, what forms show, and the decisions. Business data stays in tables. */
    public static final class Var {
        public static final String OPDRACHT_KEY = "opdrachtKey";
        public static final String OPDRACHT_TITEL = "opdrachtTitel";
        public static final String TEAM_GROEP = "teamGroep";
        public static final String AANVRAGER = "aanvrager";
        public static final String ONTBREKENDE_GEGEVENS = "ontbrekendeGegevens";

        public static final String INTAKE_BESLUIT = "intakeBesluit";
        public static final String INTAKE_TOELICHTING = "intakeToelichting";
        public static final String URGENTIE = "urgentie";
        public static final String RISICO = "risico";

        public static final String WETTELIJKE_TAAK = "wettelijkeTaak";
        public static final String AANTAL_DOELEN = "aantalDoelen";
        public static final String BUDGET = "budget";
        public static final String PRIORITEIT_SCORE = "prioriteitScore";
        public static final String PRIORITEIT_RANG = "prioriteitRang";
        public static final String CAPACITEIT_VRIJ = "capaciteitVrijFte";
        public static final String CAPACITEIT_TOEREIKEND = "capaciteitToereikend";
        /** The free capacity as MT's form shows it ("4,2"). */
        public static final String CAPACITEIT_VRIJ_TEKST = "capaciteitVrijTekst";
        /** What the opdracht asks, as MT's forms show it. */
        public static final String GEVRAAGD_TEKST = "gevraagdTekst";
        public static final String MT_BESLUIT = "mtBesluit";
        public static final String MT_TOELICHTING = "mtToelichting";

        public static final String REVIEW_CYCLUS = "reviewCyclus";
        /** Set by an import of an opdracht already under way: its reviews keep step with its start date. */
        public static final String REVIEW_IN_STAP = "reviewInStapMetStartdatum";
        public static final String GEPLAND_EINDE = "geplandEinde";

        public static final String STATUS_KLEUR = "statusKleur";
        public static final String VOORTGANG = "voortgang";
        public static final String BESTEED_BUDGET = "besteedBudget";
        public static final String INGEZETTE_FTE = "ingezetteFte";
        public static final String RISICOS = "risicos";
        /** The report's money and people as MT's form shows them ("€ 60.000", "0,9"). */
        public static final String BESTEED_BUDGET_TEKST = "besteedBudgetTekst";
        public static final String INGEZETTE_FTE_TEKST = "ingezetteFteTekst";
        public static final String VOORSTEL = "voorstel";
        public static final String REVIEW_BESLUIT = "reviewBesluit";
        public static final String REVIEW_TOELICHTING = "reviewToelichting";

        public static final String NIEUW_BUDGET = "nieuwBudget";
        public static final String NIEUWE_FTE = "nieuweFte";
        public static final String NIEUWE_EINDDATUM = "nieuweEinddatum";
        public static final String EINDDATUM_TEKST = "einddatumTekst";
        public static final String NIEUWE_SCOPE = "nieuweScope";
        /** For MT's form: budget, capacity and end date now and as proposed (Markdown list). */
        public static final String BIJSTELLING_OVERZICHT = "bijstellingOverzicht";
        public static final String BIJSTELLING_REDEN = "bijstellingReden";
        public static final String BIJSTELLING_BESLUIT = "bijstellingBesluit";
        public static final String BIJSTELLING_TOELICHTING = "bijstellingToelichting";

        public static final String EINDDATUM_BESLUIT = "einddatumBesluit";

        public static final String DOELEN_BEREIKT = "doelenBereikt";
        public static final String IMPACT = "impact";
        public static final String LESSEN = "lessen";

        private Var() {
        }
    }

    /** Decision values as the forms submit them. */
    public static final class Besluit {
        public static final String ACCEPTEREN = "accepteren";
        public static final String AFWIJZEN = "afwijzen";
        public static final String AANVULLEN = "aanvullen";
        public static final String STARTEN = "starten";
        public static final String PARKEREN = "parkeren";
        public static final String DOORGAAN = "doorgaan";
        public static final String BIJSTUREN = "bijsturen";
        public static final String STOPPEN = "stoppen";
        public static final String GOEDKEUREN = "goedkeuren";
        public static final String VERLENGEN = "verlengen";
        public static final String AFSLUITEN = "afsluiten";

        private Besluit() {
        }
    }

    /** Element ids of the model. */
    public static final class Element {
        public static final String START = "StartEvent_OpdrachtAangevraagd";
        public static final String REGISTREREN = "ServiceTask_OpdrachtRegistreren";
        public static final String BEOORDEEL_INTAKE = "UserTask_BeoordeelIntake";
        public static final String GATEWAY_INTAKE = "Gateway_IntakeBesluit";
        public static final String AANVULLEN = "UserTask_AanvraagAanvullen";
        public static final String TIMER_AANVULLING_HERINNERING = "Timer_AanvullingHerinnering";
        public static final String TIMER_AANVULLING_VERLOPEN = "Timer_AanvullingVerlopen";
        public static final String EIND_HERINNERING_VERSTUURD = "EndEvent_HerinneringVerstuurd";
        public static final String AANVULLING_VERWERKEN = "ServiceTask_AanvullingVerwerken";
        public static final String EIND_AFGEWEZEN = "EndEvent_Afgewezen";
        public static final String EIND_VERLOPEN = "EndEvent_AanvraagVerlopen";
        public static final String PRIORITERING_VOORBEREIDEN = "ServiceTask_PrioriteringVoorbereiden";
        public static final String PRIORITEREN = "BusinessRuleTask_Prioriteren";
        public static final String CAPACITEIT = "ServiceTask_CapaciteitControleren";
        public static final String MT_BESLUIT = "UserTask_MtBesluit";
        public static final String EIND_AFGEWEZEN_DOOR_MT = "EndEvent_AfgewezenDoorMt";
        public static final String PARKEREN = "ServiceTask_Parkeren";
        public static final String TIMER_PORTFOLIOOVERLEG = "Timer_VolgendPortfolioOverleg";
        public static final String UITVOERING_STARTEN = "ServiceTask_UitvoeringStarten";
        public static final String UITVOERING = "SubProcess_Uitvoering";
        public static final String UITVOEREN = "UserTask_Uitvoeren";
        public static final String EIND_UITVOERING_GEREED = "EndEvent_UitvoeringGereed";
        public static final String REVIEW = "EventSubProcess_Review";
        public static final String TIMER_REVIEWCYCLUS = "Timer_Reviewcyclus";
        public static final String VOORTGANG_RAPPORTEREN = "UserTask_VoortgangRapporteren";
        public static final String REVIEW_BEOORDELEN = "UserTask_ReviewBeoordelen";
        public static final String EIND_REVIEW_DOORGAAN = "EndEvent_ReviewDoorgaan";
        public static final String EIND_OPDRACHT_STOPPEN = "EndEvent_OpdrachtStoppen";
        public static final String BIJSTELLING_OPSTELLEN = "UserTask_BijstellingOpstellen";
        public static final String BIJSTELLING_BEOORDELEN = "UserTask_BijstellingBeoordelen";
        public static final String EIND_BIJSTELLING_VERWERKT = "EndEvent_BijstellingVerwerkt";
        public static final String EIND_REVIEW_OVERGESLAGEN = "EndEvent_ReviewOvergeslagen";
        public static final String TIMER_EINDDATUM = "Timer_Einddatum";
        public static final String EINDDATUM_VERSTREKEN = "UserTask_EinddatumVerstreken";
        public static final String EINDDATUM_VERLENGEN = "ServiceTask_EinddatumVerlengen";
        public static final String ESCALATIE_STOPPEN = "Boundary_OpdrachtGestopt";
        public static final String EINDEVALUATIE = "UserTask_Eindevaluatie";
        public static final String EIND_AFGESLOTEN = "EndEvent_OpdrachtAfgesloten";

        private Element() {
        }
    }

    private LevenscyclusProces() {
    }
}
