package org.sangdam.setup;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import javax.sql.DataSource;

/**
 * Brings the database schema to the version this EAR expects, at deploy and before
 * any other start-up work: the versioned scripts in {@code db/migration} are the
 * schema's only source, on H2 and PostgreSQL alike.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);

    @Resource(lookup = "java:jboss/datasources/SangdamDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        var result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.infof("Database schema at version %s (%d migration(s) applied now)", result.targetSchemaVersion, result.migrationsExecuted);
    }
}
