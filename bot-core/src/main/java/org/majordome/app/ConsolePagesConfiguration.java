package org.majordome.app;

import java.time.Clock;

import org.majordome.activity.ActivityCounter;
import org.majordome.console.ActivityPage;
import org.majordome.console.PluginsPage;
import org.majordome.console.SchedulePage;
import org.majordome.console.SectionCatalog;
import org.majordome.console.SectionsPage;
import org.majordome.schedule.SchedulerService;
import org.majordome.store.ActivityTable;
import org.majordome.store.Database;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The operator console's pages beyond its own (cases and other plugin sections, schedule, plugins and scripts,
 * activity) and what they read: the catalog of plugins' console sections and the activity counters, which count
 * whether or not the console is served, so that its chart has the days before it was turned on.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePagesConfiguration {

    @Bean
    SectionCatalog sectionCatalog() {
        return new SectionCatalog();
    }

    @Bean(destroyMethod = "close")
    ActivityCounter activityCounter(Database database, Clock clock) {
        return new ActivityCounter(new ActivityTable(database), clock, true);
    }

    @Bean
    SectionsPage sectionsPage(SectionCatalog catalog) {
        return new SectionsPage(catalog);
    }

    @Bean
    SchedulePage schedulePage(SchedulerService scheduler) {
        return new SchedulePage(scheduler::listing);
    }

    @Bean
    PluginsPage pluginsPage(PluginHost plugins) {
        return new PluginsPage(plugins::snapshot, plugins::setEnabled);
    }

    @Bean
    ActivityPage activityPage(ActivityCounter counter, Clock clock) {
        return new ActivityPage(counter, clock);
    }
}
