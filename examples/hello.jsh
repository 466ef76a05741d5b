// A first TinyML script: run it with ./tinyml jshell examples/hello.jsh
// The kernel's default imports (java.util.*, java.util.stream.*, io.tinymlaas.*, …) are in scope.

var boards = List.of("esp32", "nrf52840", "stm32f446");
System.out.println("Hello from TinyML on Java " + Runtime.version());
System.out.println("boards we know: " + boards.stream().collect(Collectors.joining(", ")));
System.out.println("input shape of a Fashion-MNIST image: " + io.tinymlaas.data.Shape.of(28, 28, 1));
/exit
