package org.hostarea.billing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.hostarea.core.schema.MigrationScript;
import org.hostarea.core.schema.SchemaMigrations;

/**
 * The billing persistence unit outside Karaf: resource-local transactions on an in-memory Derby, with the
 * template semantics the services rely on (Required joins the thread's transaction or starts one,
 * RequiresNew starts its own, Supports reads without one).
 */
final class LocalJpa implements JpaTemplate, AutoCloseable {

    private final EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final AtomicLong statements = new AtomicLong();

    LocalJpa(String database) {
        migrate(database);
        Map<String, Object> properties = new HashMap<>();
        properties.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("javax.persistence.jtaDataSource", "");
        properties.put("javax.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver");
        properties.put("javax.persistence.jdbc.url", "jdbc:derby:memory:" + database + ";create=true");
        properties.put("eclipselink.target-server", "None");
        properties.put("eclipselink.logging.level", "WARNING");
        this.emf = new PersistenceProvider().createEntityManagerFactory("billing", properties);
        JpaHelper.getServerSession(emf).getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void preExecuteCall(SessionEvent event) {
                statements.incrementAndGet();
            }
        });
    }

    /** The schema comes from billing's own migrations, as in Karaf: the tests fail when entities and scripts drift apart. */
    private static void migrate(String database) {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + database);
        dataSource.setCreateDatabase("create");
        SchemaMigrations.migrate(dataSource, "billing", db -> {
            try (Stream<Path> files = Files.list(Path.of(LocalJpa.class.getResource("/db/billing/" + db).toURI()))) {
                return files.map(f -> new MigrationScript(f.getFileName().toString(), read(f))).collect(Collectors.toList());
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("billing's migrations are not on the class path", e);
            }
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager outer = current.get();
        if (outer != null && type != TransactionType.RequiresNew) {
            return code.apply(outer);
        }
        EntityManager em = emf.createEntityManager();
        try {
            if (type == TransactionType.Supports || type == TransactionType.NotSupported || type == TransactionType.Never) {
                return code.apply(em);
            }
            em.getTransaction().begin();
            current.set(em);
            try {
                R result = code.apply(em);
                em.getTransaction().commit();
                return result;
            } catch (RuntimeException e) {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                throw e;
            } finally {
                if (outer == null) {
                    current.remove();
                } else {
                    current.set(outer);
                }
            }
        } finally {
            em.close();
        }
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }

    /** SQL statements run through this unit so far (a test compares two readings around the code it measures). */
    long statements() {
        return statements.get();
    }

    @Override
    public void close() {
        emf.close();
    }
}
