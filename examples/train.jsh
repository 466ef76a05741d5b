// Train the two tutorial models on Fashion-MNIST, evaluate, save and reload.
// Run: ./tinyml jshell examples/train.jsh   (needs the dataset-fashion-mnist package or a download)
// (JShell ends a statement at the end of a line when it can: keep each chain on one line.)
import io.tinymlaas.data.*;
import io.tinymlaas.nn.*;
import java.nio.file.Files;
import java.nio.file.Path;

var data = Datasets.fashionMnist();
System.out.println(data);

var mlp = Model.sequential(Shape.of(28, 28, 1)).flatten().dense(128).relu().dense(10).softmax();
System.out.println(mlp.summary());
var history = mlp.fit(data.train(), Fit.epochs(2).batch(64).adam(0.001).validation(0.1).seed(42));
System.out.println(history);
System.out.println("MLP " + mlp.evaluate(data.test()));

var cnn = Model.sequential(Shape.of(28, 28, 1)).conv2d(8, 3).relu().maxPool(2).flatten().dense(10).softmax();
System.out.println(cnn.summary());
cnn.fit(data.train(), Fit.epochs(2).batch(64).sgd(0.05).seed(42));
var metrics = cnn.evaluate(data.test());
System.out.println("CNN " + metrics);
System.out.println(metrics.perClass());

var p = cnn.predict(data.test().input(0));
System.out.println("first test image: predicted " + data.classNames().get(p.label()) + " (" + p.score() + "), really " + data.classNames().get(data.test().label(0)));

Files.createDirectories(Path.of("build"));  // outputs go under build/, never beside the sources
cnn.save(Path.of("build/cnn.tmm"));
var again = Model.load(Path.of("build/cnn.tmm"));
System.out.println("reloaded model agrees: " + again.predict(data.test().input(0)).equals(p));
/exit
