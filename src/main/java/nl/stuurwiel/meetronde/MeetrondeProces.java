package nl.stuurwiel.meetronde;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Ids and variable names of processes/meetronde.bpmn, shared by delegates and tests so that a
 * renamed element breaks the build rather than production.
 */
public final class MeetrondeProces {

    public static final String PROCESS_ID = "meetronde";
    /** Correlates to the open round of an indicator when its value arrives another way (API, review). */
    public static final String BERICHT_METING_ONTVANGEN = "meting-ontvangen";
    /** Ends the rounds of an indicator that is no longer followed. */
    public static final String BERICHT_INDICATOR_VERVALLEN = "indicator-vervallen";

    /** The business key of the rounds of one indicator. */
    public static String sleutel(Long indicatorId) {
        return "IND-" + indicatorId;
    }

    /** The period in hand as people name it; the ISO date in rounds started before names existed. */
    public static String periodeNaam(VariableScope ronde) {
        Object naam = ronde.getVariable(Var.PERIODE_NAAM);
        return String.valueOf(naam != null ? naam : ronde.getVariable(Var.PERIODE));
    }

    /** Variables: the key, what the form shows, the period in hand and the form's input. */
    public static final class Var {
        public static final String INDICATOR_ID = "indicatorId";
        public static final String INDICATOR_NAAM = "indicatorNaam";
        public static final String EENHEID = "eenheid";
        public static final String EIGENAAR = "eigenaar";
        /** First day of the period to measure (ISO date). */
        public static final String PERIODE = "periode";
        /** The period as people name it ("2026 K3"), for the form and the mails. */
        public static final String PERIODE_NAAM = "periodeNaam";
        /** The moment the period is over and its value can be entered. */
        public static final String PERIODE_EINDE = "periodeEinde";
        /** When the value is overdue: the task's due date and the escalation moment. */
        public static final String VERVALDATUM = "vervaldatum";
        public static final String METING_AANWEZIG = "metingAanwezig";
        /** The latest value before this period, as text for the form. */
        public static final String VORIGE_WAARDE = "vorigeWaarde";
        public static final String GEESCALEERD = "geescaleerd";

        public static final String WAARDE = "waarde";
        public static final String TOELICHTING = "toelichting";
        public static final String VERHAAL = "verhaal";
        public static final String VOORSTEL = "voorstel";

        private Var() {
        }
    }

    /** Element ids of the model. */
    public static final class Element {
        public static final String START = "StartEvent_IndicatorActief";
        public static final String PERIODE_BEPALEN = "ServiceTask_PeriodeBepalen";
        public static final String TIMER_PERIODE_VOORBIJ = "Timer_PeriodeVoorbij";
        public static final String METING_CONTROLEREN = "ServiceTask_MetingControleren";
        public static final String GATEWAY_METING_AANWEZIG = "Gateway_MetingAanwezig";
        public static final String METING_INVOEREN = "UserTask_MetingInvoeren";
        public static final String TIMER_HERINNERING = "Timer_MetingHerinnering";
        public static final String HERINNERING_VERSTUREN = "ServiceTask_HerinneringVersturen";
        public static final String EIND_HERINNERING_VERSTUURD = "EndEvent_HerinneringVerstuurd";
        public static final String TIMER_TE_LAAT = "Timer_MetingTeLaat";
        public static final String ESCALEREN = "ServiceTask_Escaleren";
        public static final String EIND_GEESCALEERD = "EndEvent_Geescaleerd";
        public static final String METING_ONTVANGEN = "Boundary_MetingOntvangen";
        public static final String METING_VASTLEGGEN = "ServiceTask_MetingVastleggen";
        public static final String VERVALLEN = "EventSubProcess_IndicatorVervallen";
        public static final String START_VERVALLEN = "StartEvent_IndicatorVervallen";
        public static final String EIND_VERVALLEN = "EndEvent_IndicatorVervallen";

        private Element() {
        }
    }

    private MeetrondeProces() {
    }
}
