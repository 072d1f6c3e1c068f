package dev.rankforge.core;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * ranking-core's packages depend one way: data → nn → model → train → extract / attack, with the losses and the
 * ranking metrics beside them as leaves (an architecture's objective names its loss) (README, "Architecture"). A
 * class that reaches up a layer fails the build.
 */
class LayeringTest {
    @Test
    void layersPointOneWay() {
        JavaClasses core = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.rankforge.core");
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("data").definedBy("dev.rankforge.core.data..")
                .layer("loss").definedBy("dev.rankforge.core.loss..")
                .layer("metrics").definedBy("dev.rankforge.core.metrics..")
                .layer("nn").definedBy("dev.rankforge.core.nn..")
                .layer("model").definedBy("dev.rankforge.core.model..")
                .layer("train").definedBy("dev.rankforge.core.train..")
                .layer("extract").definedBy("dev.rankforge.core.extract..")
                .layer("attack").definedBy("dev.rankforge.core.attack..")
                .whereLayer("attack").mayNotBeAccessedByAnyLayer()
                .whereLayer("extract").mayNotBeAccessedByAnyLayer()
                .whereLayer("train").mayOnlyBeAccessedByLayers("extract", "attack")
                .whereLayer("model").mayOnlyBeAccessedByLayers("train", "extract", "attack")
                .whereLayer("nn").mayOnlyBeAccessedByLayers("model", "train", "extract", "attack")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("model", "train", "extract", "attack")
                .whereLayer("loss").mayOnlyBeAccessedByLayers("nn", "train", "extract")
                .whereLayer("data").mayOnlyBeAccessedByLayers("metrics", "nn", "model", "train", "extract", "attack")
                .check(core);
    }
}
