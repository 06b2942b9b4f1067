package org.ecabinet.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test waits for an answer that never comes, the threads of the backend are what tells why: they are
 * printed, with their locks, before the failure is reported (a request that got no answer has been seen,
 * rarely, and never reproduced on demand).
 */
public class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (isTimeout(failure)) {
            print(context.getDisplayName());
        }
        throw failure;
    }

    /** Prints every thread of this JVM with its state, the lock it waits for and who holds it, and its stack. */
    public static void print(String what) {
        StringBuilder dump = new StringBuilder("Threads when " + what + " timed out:\n");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState())
                    .append(thread.getLockName() == null ? "" : " on " + thread.getLockName())
                    .append(thread.getLockOwnerName() == null ? "" : " owned by \"" + thread.getLockOwnerName() + "\"").append('\n');
            for (StackTraceElement frame : thread.getStackTrace()) {
                dump.append("\t\tat ").append(frame).append('\n');
            }
        }
        System.out.println(dump);
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || String.valueOf(t.getMessage()).contains("Timeout on blocking read")
                    || t.getClass().getSimpleName().contains("ConditionTimeout")) {
                return true;
            }
        }
        return false;
    }
}
