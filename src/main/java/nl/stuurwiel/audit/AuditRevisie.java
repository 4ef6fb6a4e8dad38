package nl.stuurwiel.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/** One transaction that changed portfolio records: who and when (Hibernate Envers). */
@Entity
@Table(name = "revinfo")
@RevisionEntity(AuditRevisieListener.class)
public class AuditRevisie {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    @Column(name = "rev")
    private Long id;
    @RevisionTimestamp
    @Column(name = "revtstmp")
    private long tijdstip;
    private String gebruiker;

    public Long getId() {
        return id;
    }

    public Instant getTijdstip() {
        return Instant.ofEpochMilli(tijdstip);
    }

    public String getGebruiker() {
        return gebruiker;
    }

    void setGebruiker(String gebruiker) {
        this.gebruiker = gebruiker;
    }
}
