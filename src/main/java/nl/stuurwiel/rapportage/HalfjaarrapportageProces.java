package nl.stuurwiel.rapportage;

import java.util.List;

/**
 * Ids and variable names of processes/halfjaarrapportage.bpmn, shared by delegates, forms and
 * tests so that a renamed element breaks the build rather than production.
 */
public final class HalfjaarrapportageProces {

    public static final String PROCESS_ID = "halfjaarrapportage";
    /**
     * Start by hand, from the API or the dashboard. A message start event, because Camunda 7 allows
     * a timer start event beside a message start event but not beside a second none start event.
     */
    public static final String MESSAGE_STARTEN = "halfjaarrapportage-starten";

    public static final class Var {
        /** Start by hand: the period, ISO dates, both inclusive. Absent on the timer start. */
        public static final String VAN = "periodeVan";
        public static final String TOT = "periodeTot";
        /** The period as the forms show it: "1 juli 2026 t/m 31 december 2026". */
        public static final String PERIODE_TEKST = "periodeTekst";

        public static final String RAPPORTAGE_ID = "rapportageId";
        public static final String RAPPORTAGE_TITEL = "rapportageTitel";
        /** One line of key figures for the forms. */
        public static final String KERNCIJFERS = "kerncijfers";

        public static final String TOELICHTING_ALGEMEEN = "toelichtingAlgemeen";
        public static final String TOELICHTING_DOELEN = "toelichtingDoelen";
        public static final String TOELICHTING_DOMEINEN = "toelichtingDomeinen";
        public static final String TOELICHTING_GEBIEDEN = "toelichtingGebieden";
        public static final String TOELICHTING_TEAMS = "toelichtingTeams";
        public static final String TOELICHTING_INDICATOREN = "toelichtingIndicatoren";
        public static final String TOELICHTING_BESLUITEN = "toelichtingBesluiten";

        public static final List<String> TOELICHTINGEN = List.of(TOELICHTING_ALGEMEEN, TOELICHTING_DOELEN,
                TOELICHTING_DOMEINEN, TOELICHTING_GEBIEDEN, TOELICHTING_TEAMS, TOELICHTING_INDICATOREN,
                TOELICHTING_BESLUITEN);

        public static final String VASTSTELLING_BESLUIT = "vaststellingBesluit";
        public static final String VASTSTELLING_TOELICHTING = "vaststellingToelichting";

        private Var() {
        }
    }

    public static final class Besluit {
        public static final String VASTSTELLEN = "vaststellen";
        public static final String TERUGSTUREN = "terugsturen";

        private Besluit() {
        }
    }

    public static final class Element {
        public static final String START_HANDMATIG = "StartEvent_HandmatigGestart";
        public static final String START_HALFJAARLIJKS = "StartEvent_Halfjaarlijks";
        public static final String MOMENTOPNAME_SAMENSTELLEN = "ServiceTask_MomentopnameSamenstellen";
        public static final String TOELICHTING_SCHRIJVEN = "UserTask_ToelichtingSchrijven";
        public static final String RAPPORTAGE_VASTSTELLEN = "UserTask_RapportageVaststellen";
        public static final String GATEWAY_VASTGESTELD = "Gateway_Vastgesteld";
        public static final String END_GEPUBLICEERD = "EndEvent_Gepubliceerd";

        private Element() {
        }
    }

    private HalfjaarrapportageProces() {
    }
}
