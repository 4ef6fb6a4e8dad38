package nl.stuurwiel.audit;

import org.hibernate.envers.RevisionListener;
import org.springframework.beans.factory.ObjectProvider;

import nl.stuurwiel.system.HuidigeGebruiker;

/**
 * Stamps each revision with the user the engine knows for this thread: the logged-in user of
 * the API, Tasklist or engine REST request, or 'systeem' for jobs and timers. Hibernate creates
 * it through Spring's bean container; the provider is resolved late because the process engine
 * is built after the persistence unit.
 */
public class AuditRevisieListener implements RevisionListener {

    private final ObjectProvider<HuidigeGebruiker> huidigeGebruiker;

    public AuditRevisieListener(ObjectProvider<HuidigeGebruiker> huidigeGebruiker) {
        this.huidigeGebruiker = huidigeGebruiker;
    }

    @Override
    public void newRevision(Object revisie) {
        HuidigeGebruiker gebruiker = huidigeGebruiker.getIfAvailable();
        ((AuditRevisie) revisie).setGebruiker(gebruiker == null ? HuidigeGebruiker.SYSTEEM : gebruiker.id());
    }
}
