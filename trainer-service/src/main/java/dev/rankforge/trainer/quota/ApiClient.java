package dev.rankforge.trainer.quota;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A client of the black-box API: its key (stored only as a SHA-256), query budget and rate limit. */
@Entity
@Table(name = "api_client")
public class ApiClient extends PanacheEntityBase {
    @Id
    public String name;
    @Column(name = "key_sha256")
    public String keySha256;
    @Column(name = "query_budget")
    public long queryBudget;
    @Column(name = "queries_used")
    public long queriesUsed;
    @Column(name = "rate_per_second")
    public double ratePerSecond;
}
