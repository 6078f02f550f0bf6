package org.sangdam.health;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.Statement;

@Stateless
@Local(HealthService.class)
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthServiceBean implements HealthService {
    @Resource(lookup = "java:jboss/datasources/SangdamDS")
    DataSource dataSource;
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Override
    public Health check() {
        String database = database();
        String broker = broker();
        boolean up = database.startsWith("UP") && broker.startsWith("UP");
        return new Health(up ? "UP" : "DOWN", database, broker);
    }

    private String database() {
        try (var connection = dataSource.getConnection();
             Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM service")) {
            rs.next();
            return "UP (" + connection.getMetaData().getDatabaseProductName() + ")";
        } catch (Exception e) {
            return "DOWN: " + e.getMessage();
        }
    }

    private String broker() {
        try (Connection connection = connectionFactory.createConnection()) {
            connection.createSession().close();
            return "UP (ActiveMQ Artemis)";
        } catch (Exception e) {
            return "DOWN: " + e.getMessage();
        }
    }
}
