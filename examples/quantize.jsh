// int8 post-training quantization of a Fashion-MNIST CNN, and where the accuracy went.
// Run: ./tinyml jshell examples/quantize.jsh   (or jshell --class-path <dsl classes and jars> examples/quantize.jsh)
import java.nio.file.*;
import io.tinymlaas.data.*;
import io.tinymlaas.nn.*;
import io.tinymlaas.quant.*;

var data = Datasets.fashionMnist();
// JShell ends a statement at a complete line, so chains break after a dot.
var model = Model.sequential(Shape.of(28, 28, 1)).
        conv2d(8, 3).relu().maxPool(2).
        flatten().dense(10).softmax();
model.fit(data.train(), Fit.epochs(1).batch(32).sgd(0.05, 0.9).seed(42).progress(false));

// 500 training images are enough to calibrate the activation ranges.
var q = model.quantize(data.train().take(500));
System.out.println(q);
System.out.println(q.tensors().printAll());

// Float vs int8 on the test set: accuracies, agreement, SQNR per layer (lowest = where accuracy went).
var comparison = q.compare(model, data.test());
System.out.println(comparison);
System.out.println(comparison.table().printAll());
Files.createDirectories(Path.of("build"));  // outputs go under build/, never beside the sources
Files.write(Path.of("build/fashion-cnn-sqnr.png"), comparison.toPng());

// The bytes a board must return for the first test image.
byte[] input = q.quantizeInput(data.test().input(0));
System.out.println("int8 output: " + java.util.Arrays.toString(q.predictRaw(input)) + ", label " + data.test().label(0));

// Save, load, same bytes.
q.save(Path.of("build/fashion-cnn.tmq"));
var loaded = QuantizedModel.load(Path.of("build/fashion-cnn.tmq"));
System.out.println("reloaded gives the same bytes: " + java.util.Arrays.equals(q.predictRaw(input), loaded.predictRaw(input)));
/exit
