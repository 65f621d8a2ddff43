package crudbaseline;

import com.zaxxer.hikari.HikariDataSource;
import org.jinlin.bench.CheckpointingDataSource;
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
 * Baseline (a) of the benchmarks (outside the service's packages, so its scans never see it): a plain Spring Data JPA application (Hibernate, HikariCP, one transaction per command) on its own
 * H2 file with the same URL settings and the same durable commits as the service (CHECKPOINT after each commit).
 */
public final class CrudBaseline implements AutoCloseable {

    private final AnnotationConfigApplicationContext context;

    public CrudBaseline(String url) {
        context = new AnnotationConfigApplicationContext();
        context.registerBean("jdbcUrl", String.class, () -> url);
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

    @EnableTransactionManagement
    @EnableJpaRepositories(basePackageClasses = CrudBaseline.class, considerNestedRepositories = true)
    static class Config {

        @Bean
        DataSource dataSource(String jdbcUrl) {
            HikariDataSource hikari = new HikariDataSource();
            hikari.setJdbcUrl(jdbcUrl);
            hikari.setUsername("sa");
            hikari.setPassword("");
            hikari.setMaximumPoolSize(16);
            return jdbcUrl.startsWith("jdbc:h2:file:") ? new CheckpointingDataSource(hikari) : hikari;
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
