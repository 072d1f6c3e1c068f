package dev.rankforge.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    @Test
    void scalesAllGradientsToTheMaximumGlobalNorm() {
        try (Model model = Model.newInstance("clip")) {
            Linear linear = Linear.builder().setUnits(1).build();
            model.setBlock(linear);
            linear.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 2));
            try (NDManager step = model.getNDManager().newSubManager()) {
                NDArray x = step.create(new float[] {3f, 4f}, new Shape(1, 2));
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    // d(out)/dW = x = (3, 4), d(out)/db = 1: global norm sqrt(9 + 16 + 1)
                    gc.backward(linear.forward(new ParameterStore(step, false), new NDList(x), true)
                            .singletonOrThrow().sum());
                }
                double before = GradientClipping.clipByGlobalNorm(linear, 1f, step);
                assertThat(before).isCloseTo(Math.sqrt(26), within(1e-5));
                double after = GradientClipping.clipByGlobalNorm(linear, 0f, step);
                assertThat(after).isCloseTo(1.0, within(1e-4));
                assertThat(linear.getParameters().get("weight").getArray().getGradient().toFloatArray())
                        .containsExactly(new float[] {(float) (3 / Math.sqrt(26)), (float) (4 / Math.sqrt(26))},
                                within(1e-4f));
            }
        }
    }

    @Test
    void zeroesGradientsThatAreNotFinite() {
        try (Model model = Model.newInstance("zero")) {
            Linear linear = Linear.builder().setUnits(1).build();
            model.setBlock(linear);
            linear.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 2));
            try (NDManager step = model.getNDManager().newSubManager()) {
                NDArray x = step.create(new float[] {Float.NaN, 4f}, new Shape(1, 2));
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(linear.forward(new ParameterStore(step, false), new NDList(x), true)
                            .singletonOrThrow().sum());
                }
                assertThat(GradientClipping.clipByGlobalNorm(linear, 1f, step)).isNaN();
                GradientClipping.zero(linear, step);
                assertThat(linear.getParameters().get("weight").getArray().getGradient().toFloatArray())
                        .containsExactly(0f, 0f);
                assertThat(GradientClipping.clipByGlobalNorm(linear, 1f, step)).isZero();
            }
        }
    }
}
