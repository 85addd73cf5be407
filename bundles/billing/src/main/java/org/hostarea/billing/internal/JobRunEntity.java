package org.hostarea.billing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.hostarea.billing.JobRun;
import org.hostarea.billing.JobStatus;

/** The history of job runs. */
@Entity
@Table(name = "HA_JOB_RUN", indexes = {@Index(name = "IX_JOB_RUN_JOB", columnList = "JOB, STARTED_AT"),
        @Index(name = "IX_JOB_RUN_STATUS", columnList = "STATUS, NODE")})
public class JobRunEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "JOB", length = 40, nullable = false)
    private String job;

    @Column(name = "AS_OF", nullable = false)
    private LocalDate asOf;

    @Column(name = "DRY_RUN", nullable = false)
    private boolean dryRun;

    @Column(name = "NODE", length = 120, nullable = false)
    private String node;

    @Column(name = "ACTOR", length = 80, nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private JobStatus status;

    @Column(name = "STARTED_AT", nullable = false)
    private long startedAt;

    @Column(name = "ENDED_AT")
    private Long endedAt;

    /** {@code key=value} pairs separated by commas. */
    @Column(name = "COUNTS", length = 1000, nullable = false)
    private String counts = "";

    @Column(name = "ERROR_COUNT", nullable = false)
    private int errorCount;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "ITEMS")
    private String items;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "ERRORS")
    private String errors;

    protected JobRunEntity() {
    }

    JobRunEntity(String id, String job, LocalDate asOf, boolean dryRun, String node, String actor, Instant now) {
        this.id = id;
        this.job = job;
        this.asOf = asOf;
        this.dryRun = dryRun;
        this.node = node;
        this.actor = actor;
        this.status = JobStatus.RUNNING;
        this.startedAt = now.toEpochMilli();
    }

    void end(JobStatus status, Map<String, Integer> counts, int errorCount, List<String> items, List<String> errors, Instant now) {
        this.status = status;
        this.counts = counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        this.errorCount = errorCount;
        this.items = String.join("\n", items);
        this.errors = String.join("\n", errors);
        this.endedAt = now.toEpochMilli();
    }

    void abandon(Instant now) {
        this.status = JobStatus.ABANDONED;
        this.endedAt = now.toEpochMilli();
    }

    JobRun toDto() {
        Map<String, Integer> countMap = new TreeMap<>();
        if (!counts.isEmpty()) {
            for (String pair : counts.split(",")) {
                int eq = pair.indexOf('=');
                countMap.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
            }
        }
        return new JobRun(id, job, asOf, dryRun, node, actor, status, Instant.ofEpochMilli(startedAt),
                endedAt == null ? null : Instant.ofEpochMilli(endedAt), countMap, errorCount, lines(items), lines(errors));
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
