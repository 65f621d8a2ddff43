package org.jinlin.query.readmodel;

import org.axonframework.config.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads on which the streaming event processors run: their coordinators (claiming and releasing segments)
 * and their work packages (handling events and storing tokens). Axon's defaults, with one difference: the threads
 * are recognisable, so the storage can tell work that only keeps a read model up to date (and is redone from the
 * last stored token if it is lost) from work a client is waiting for.
 * <p>
 * Only these threads: a subscribing processor (the command side's lookups) runs on the thread that appends the
 * event, and dead letters retried or evicted by an administrator run on the request's thread.
 */
public final class EventProcessorThreads {

    private EventProcessorThreads() {
    }

    /** True on a thread that a streaming event processor created for itself. */
    public static boolean isCurrent() {
        return currentProcessor() != null;
    }

    /** The name of the processor whose thread this is, or null on any other thread. */
    public static String currentProcessor() {
        return Thread.currentThread() instanceof ProcessorThread thread ? thread.processor : null;
    }

    /** The coordinator of one processor: one thread, as Axon's default. */
    public static ScheduledExecutorService coordinator(Configuration config, String processorName) {
        return executor(config, 1, "Coordinator", processorName);
    }

    /** The work packages of one processor: four threads, as Axon's default. */
    public static ScheduledExecutorService workers(Configuration config, String processorName) {
        return executor(config, 4, "WorkPackage", processorName);
    }

    private static ScheduledExecutorService executor(Configuration config, int threads, String role,
                                                     String processor) {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(threads, new Factory(role, processor));
        config.onShutdown(executor::shutdown);
        return executor;
    }

    private static final class Factory implements ThreadFactory {

        private final ThreadGroup group;
        private final String processor;
        private final AtomicInteger created = new AtomicInteger();

        Factory(String role, String processor) {
            this.group = new ThreadGroup(role + "[" + processor + "]");
            this.processor = processor;
        }

        @Override
        public Thread newThread(Runnable work) {
            return new ProcessorThread(group, work, group.getName() + "-" + created.getAndIncrement(), processor);
        }
    }

    private static final class ProcessorThread extends Thread {

        private final String processor;

        ProcessorThread(ThreadGroup group, Runnable work, String name, String processor) {
            super(group, work, name);
            this.processor = processor;
        }
    }
}
