package crudbaseline;

import com.zaxxer.hikari.HikariDataSource;
import org.jinlin.app.storage.DurableH2Commits;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import java.util.Map;

/**
 * Baseline (a) of the benchmarks (outside the service's packages, so its scans never see it): a plain Spring Data
 * JPA application (Hibernate, HikariCP, one transaction per command) on its own database: an H2 file with the same
 * URL settings and the same durable commits as the service (CHECKPOINT after each commit), or its own PostgreSQL
 * database (commits durable by the server).
 */
public final class CrudBaseline implements AutoCloseable {

    private final AnnotationConfigApplicationContext context;

    public CrudBaseline(String url, String user, String password) {
        context = new AnnotationConfigApplicationContext();
        context.registerBean(JdbcTarget.class, () -> new JdbcTarget(url, user, password));
        context.register(Config.class, CrudService.class);
        context.refresh();
    }

    public CrudService service() {
        return context.getBean(CrudService.class);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Where the baseline keeps its tables. */
    record JdbcTarget(String url, String user, String password) {
    }

    @EnableTransactionManagement
    @EnableJpaRepositories(basePackageClasses = CrudBaseline.class, considerNestedRepositories = true)
    static class Config {

        @Bean
        DataSource dataSource(JdbcTarget target) {
            HikariDataSource hikari = new HikariDataSource();
            hikari.setJdbcUrl(target.url());
            hikari.setUsername(target.user());
            hikari.setPassword(target.password());
            hikari.setMaximumPoolSize(16);
            // H2 needs a CHECKPOINT for a durable commit; PostgreSQL's commit is durable by itself.
            return target.url().startsWith("jdbc:h2:file:") ? DurableH2Commits.checkpointEachCommit(hikari) : hikari;
        }

        @Bean
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
            factory.setDataSource(dataSource);
            factory.setPackagesToScan(CrudBaseline.class.getPackageName());
            factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
            factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "create",
                                             "hibernate.jdbc.batch_size", "100",
                                             "hibernate.order_inserts", "true",
                                             "hibernate.order_updates", "true"));
            return factory;
        }

        @Bean
        PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
            return new JpaTransactionManager(entityManagerFactory);
        }
    }
}
