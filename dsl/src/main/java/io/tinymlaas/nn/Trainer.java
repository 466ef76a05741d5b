package io.tinymlaas.nn;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Shuffle;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The fit loop. Every batch is cut into a fixed number of chunks (at least 2, so one or two
 * threads give the same weights), each with its own workspace and gradients. Threads claim
 * chunks as they come: on a busy machine a worker that is late to wake finds its chunk already
 * done by the caller, so a batch never waits for a thread that is not running. The caller then
 * sums the chunks' gradients in chunk order (repeatable) and updates the parameters, for big
 * models as jobs claimed the same way, one range of parameters each.
 */
final class Trainer {
    /** From this many parameters the workers share the update (measured: pays for the MLP's 101,770). */
    private static final int SHARED_UPDATE = 32_768;
    private static final int MIN_SLICE = 16;
    private final Model model;
    private final Network net;
    private final Fit fit;
    private final Loss loss;
    private final Dataset train;
    private final Dataset validation;
    // the batch being worked on, published to the workers through `ticket`
    private final AtomicLong ticket = new AtomicLong(Integer.MAX_VALUE); // batch id << 32 | next chunk
    private final AtomicInteger done = new AtomicInteger();
    private volatile Thread caller;
    private volatile Throwable jobFailure;
    private int[] batchOrder;
    private int batchFrom;
    private int batchCount;
    private int chunkSlice;
    private Workspace[] chunkSpaces;
    private final java.util.function.IntConsumer claimer = t -> claimJobs();
    private float[][] chunkGrads;
    private Optimizer updater;
    private volatile int jobCount;
    private volatile boolean updating;

    Trainer(Model model, Network net, Dataset data, Fit fit) {
        this.model = model;
        this.net = net;
        this.fit = fit;
        this.loss = fit.lossOr(data.isClassification() ? Loss.CROSS_ENTROPY : Loss.MEAN_SQUARED_ERROR);
        if (fit.validationFraction() > 0) {
            Dataset parts = data.split(fit.validationFraction(), fit.seedValue());
            this.train = parts.train();
            this.validation = parts.test();
        } else {
            this.train = data;
            this.validation = fit.validationData();
        }
    }

    /** Trains, telling {@code listeners} (a History among them) how it goes; they may stop it. */
    void run(TrainingListener listeners) {
        int batch = Math.min(fit.batchSize(), train.size());
        // at least 16 samples a thread: smaller slices cost more in per-chunk gradients than they gain
        int members = Math.max(1, Math.min(fit.threadCount(), batch / MIN_SLICE));
        int chunks = Math.min(batch, Math.max(2, members));
        int slice = (batch + chunks - 1) / chunks;
        boolean classification = train.isClassification();
        int classes = classification ? train.classes() : 0;
        int targetSize = classification ? 0 : train.targetShape().size();
        SplittableRandom rng = new SplittableRandom(fit.seedValue());
        Workspace[] ws = new Workspace[chunks];
        float[][] grads = new float[chunks][];
        for (int t = 0; t < chunks; t++) {
            ws[t] = net.workspace(slice, targetSize, classes, rng.split());
            grads[t] = ws[t].paramGrad;
        }
        Optimizer optimizer = fit.method() == Fit.Method.ADAM
                ? new Optimizer.Adam((float) fit.learningRate(), net.params.length)
                : new Optimizer.Sgd((float) fit.learningRate(), (float) fit.momentum(), net.params.length);
        int[] order = identity(train.size());
        int batches = (train.size() + batch - 1) / batch;
        int params = net.params.length;
        chunkSpaces = ws;
        chunkGrads = grads;
        updater = optimizer;
        chunkSlice = slice;
        batchOrder = order;
        caller = Thread.currentThread();
        Training training = new Training(model, fit.epochCount(), batches);
        listeners.onTrainBegin(training);
        try (WorkerPool pool = new WorkerPool(members)) {
            for (int epoch = 1; epoch <= fit.epochCount() && !training.stopping(); epoch++) {
                listeners.onEpochBegin(training, epoch);
                Shuffle.inPlace(order, rng);
                long start = System.nanoTime();
                double lossSum = 0;
                long correct = 0;
                int seen = 0;
                for (int b = 0; b < batches && !training.stopping(); b++) {
                    listeners.onBatchBegin(training, epoch, b + 1);
                    int from = b * batch;
                    int count = Math.min(batch, train.size() - from);
                    batchFrom = from;
                    batchCount = count;
                    runJobs(pool, 2 * (epoch * (long) batches + b), chunks, false);
                    double batchLoss = 0;
                    for (Workspace w : ws) {
                        batchLoss += w.loss;
                        correct += w.correct;
                    }
                    if (!Double.isFinite(batchLoss)) {
                        throw new ArithmeticException("the loss became " + batchLoss + " in epoch " + epoch + ", batch "
                                + (b + 1) + ": the learning rate " + fit.learningRate()
                                + " is too high for this model; re-create the model and try " + fit.learningRate() / 10);
                    }
                    optimizer.beginStep();
                    if (params >= SHARED_UPDATE && members > 1) {
                        runJobs(pool, 2 * (epoch * (long) batches + b) + 1, members, true);
                    } else {
                        optimizer.step(net.params, grads, 0, params); // quicker than sharing it
                    }
                    lossSum += batchLoss;
                    seen += count;
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    var event = new TrainingListener.BatchEvent(epoch, fit.epochCount(), b + 1, batches,
                            lossSum / seen, classification ? (double) correct / seen : Double.NaN, seen / elapsed,
                            elapsed / (b + 1) * (batches - b - 1));
                    listeners.onBatchEnd(training, event);
                    if (Thread.currentThread().isInterrupted()) {
                        training.stopAfter(event, "the thread was interrupted");
                    }
                }
                if (seen < train.size()) {
                    break; // stopped within the epoch: it has no end to report
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Metrics m = validation == null ? null : Evaluation.run(net, validation, loss, members);
                listeners.onEpochEnd(training, new TrainingListener.EpochEvent(epoch, fit.epochCount(), lossSum / seen,
                        classification ? (double) correct / seen : Double.NaN,
                        m == null ? Double.NaN : m.loss(), m == null ? Double.NaN : m.accuracy(), seconds));
            }
        } finally {
            listeners.onTrainEnd(training);
        }
    }

    /**
     * Publishes {@code jobs} jobs (the chunks of a batch, or the parameter ranges of its update),
     * works on them and returns when every one is done, whoever did it.
     */
    private void runJobs(WorkerPool pool, long id, int jobs, boolean update) {
        jobCount = jobs;
        updating = update;
        done.set(0);
        ticket.set((id & 0x7fffffffL) << 32); // publishes the fields above
        if (pool.size() > 1) {
            pool.start(claimer);
        }
        claimJobs();
        for (int spins = 0; done.get() < jobs; spins++) {
            if (spins < 2_000) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 50_000);
            }
        }
        Throwable failed = jobFailure;
        if (failed != null) {
            jobFailure = null;
            if (failed instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) failed;
        }
    }

    /** Runs jobs of the current phase until none is left (any thread, any number of times). */
    private void claimJobs() {
        while (true) {
            long t = ticket.get();
            int job = (int) t;
            int jobs = jobCount;
            if (job >= jobs) {
                return;
            }
            if (ticket.compareAndSet(t, t + 1)) {
                try {
                    if (updating) {
                        int params = net.params.length;
                        updater.step(net.params, chunkGrads, (int) ((long) params * job / jobs),
                                (int) ((long) params * (job + 1) / jobs));
                    } else {
                        step(chunkSpaces[job], batchOrder, batchFrom, batchCount, job, chunkSlice);
                    }
                } catch (RuntimeException | Error e) {
                    jobFailure = e; // rethrown by the caller, which must not wait for this job forever
                }
                if (done.incrementAndGet() == jobs) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    /** Chunk {@code t} of one batch: its slice forward and backward into its own gradients. */
    private void step(Workspace w, int[] order, int from, int count, int t, int slice) {
        w.loss = 0;
        w.correct = 0;
        int lo = Math.min(count, t * slice);
        int n = Math.min(slice, count - lo);
        if (n <= 0) {
            java.util.Arrays.fill(w.paramGrad, 0f); // an idle worker adds nothing
            return;
        }
        train.copyInputs(order, from + lo, n, w.input(), 0);
        if (train.isClassification()) {
            train.copyLabels(order, from + lo, n, w.labels, 0);
        } else {
            train.copyTargets(order, from + lo, n, w.targets, 0);
        }
        net.forward(w, n, true);
        loss.apply(w, n, net.endsWithSoftmax, net.lossGradient(w, loss), count, false);
        net.backward(w, n, loss);
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
