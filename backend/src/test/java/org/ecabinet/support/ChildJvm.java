package org.ecabinet.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A second JVM on the test classpath, to be killed for real ({@code destroyForcibly} is SIGKILL on Linux). */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final CompletableFuture<Matcher> ready = new CompletableFuture<>();
    private final java.util.Deque<String> tail = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private volatile boolean ended;

    private ChildJvm(Process process, Pattern readyLine, Path log) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var file = java.nio.file.Files.newBufferedWriter(log)) {
                String line;
                while ((line = out.readLine()) != null) {
                    file.write(line);
                    file.newLine();
                    file.flush();
                    tail.addLast(line);
                    if (tail.size() > 40) {
                        tail.removeFirst();
                    }
                    Matcher matcher = readyLine.matcher(line);
                    if (!ready.isDone() && matcher.find()) {
                        ready.complete(matcher);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            // The log lives in a temporary directory that is gone when the test reports: say its end here.
            ready.completeExceptionally(new IllegalStateException("The child JVM ended before it was ready; see " + log
                    + "; it ended with:\n" + String.join("\n", tail)));
        }, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildJvm start(Class<?> mainClass, Pattern readyLine, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classPath(), mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("CABINET_MONGODB_URI");
        return new ChildJvm(builder.start(), readyLine, log);
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The test classpath: Surefire's, or that of the loader Maven's exec:java runs a benchmark in. */
    private static String classPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(java.io.File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /** Waits for the ready line and returns its match. */
    public Matcher awaitReady(Duration timeout) throws Exception {
        return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the child ends by itself; true if it did within the time. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void kill() throws InterruptedException {
        ended = true;
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for it to end by itself; false when it still runs after {@code within}. */
    public boolean terminate(Duration within) throws InterruptedException {
        ended = true;
        process.destroy();
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() throws InterruptedException {
        if (!terminate(Duration.ofSeconds(30))) {
            kill();
        }
    }

    /** Ends it if it still runs; one that ended by itself says so, with its last lines (its log file goes with the test's directory). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        } else if (!ended) {
            System.err.println("The child JVM ended by itself with exit code " + process.exitValue() + "; its last lines:\n" + String.join("\n", tail));
        }
    }
}
