package org.hostarea.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.hostarea.core.lease.PeriodicLeases;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PeriodicLeases} in core's table {@code HA_LEASE}, one row per kind of work, with plain JDBC in short
 * autocommitted statements (a lease is taken outside the work's own transaction). Taking is one conditional UPDATE
 * (expired, or already this node's), or the INSERT of a first row; of two nodes inserting at once the primary key lets
 * one win. The node's name is {@code karaf.name@host} plus a random part per start: two nodes on one host never share a
 * name, and a node that restarts waits for the lease of its previous life like any other node.
 */
@Component(service = PeriodicLeases.class)
public class JdbcPeriodicLeases implements PeriodicLeases {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcPeriodicLeases.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final String node;

    @Activate
    public JdbcPeriodicLeases(@Reference(target = "(" + SchemaExtender.NAME_PROPERTY + "=hostarea-core)") DataSource dataSource,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(dataSource, clock, System.getProperty("karaf.name", "karaf") + "@" + host() + "/" + UUID.randomUUID().toString().substring(0, 8));
    }

    JdbcPeriodicLeases(DataSource dataSource, Clock clock, String node) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.node = node;
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public boolean acquire(String work, Duration period) {
        long now = clock.millis();
        long until = now + Math.max(1, period.toMillis());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE HA_LEASE SET OWNER = ?, UNTIL_MILLIS = ? WHERE NAME = ? AND (UNTIL_MILLIS <= ? OR OWNER = ?)")) {
                update.setString(1, node);
                update.setLong(2, until);
                update.setString(3, work);
                update.setLong(4, now);
                update.setString(5, node);
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO HA_LEASE (NAME, OWNER, UNTIL_MILLIS) VALUES (?, ?, ?)")) {
                insert.setString(1, work);
                insert.setString(2, node);
                insert.setLong(3, until);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return false; // the row exists and another node holds it (or took it a moment ago)
                }
                throw e;
            }
        } catch (SQLException e) {
            LOG.warn("the lease on {} could not be taken; this run is skipped: {}", work, e.toString());
            return false;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
