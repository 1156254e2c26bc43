// Command kube-validate checks rendered Kubernetes manifests offline: every YAML document
// read from the files named (or stdin) must decode into a built-in Kubernetes type known to
// client-go's scheme with strict field checking (an unknown or duplicated field, a wrong type,
// an unknown apiVersion/kind all fail), and must carry a name. It needs no cluster and no
// network once built. Exit status 1 lists every problem, one per line.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer/json"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/client-go/kubernetes/scheme"
)

func main() {
	decoder := json.NewSerializerWithOptions(json.DefaultMetaFactory, scheme.Scheme, scheme.Scheme,
		json.SerializerOptions{Yaml: true, Strict: true})
	inputs := os.Args[1:]
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	var problems []string
	objects := 0
	for _, input := range inputs {
		docs, err := documents(input)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", input, err))
			continue
		}
		for index, doc := range docs {
			objects++
			if problem := validate(decoder, doc); problem != "" {
				problems = append(problems, fmt.Sprintf("%s: document %d: %s", input, index+1, problem))
			}
		}
	}
	if objects == 0 {
		problems = append(problems, "no Kubernetes object in the input")
	}
	for _, problem := range problems {
		fmt.Println(problem)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
	fmt.Printf("kube-validate: %d objects valid\n", objects)
}

func documents(input string) ([][]byte, error) {
	var source io.Reader = os.Stdin
	if input != "-" {
		file, err := os.Open(input)
		if err != nil {
			return nil, err
		}
		defer file.Close()
		source = file
	}
	reader := utilyaml.NewYAMLReader(bufio.NewReader(source))
	var docs [][]byte
	for {
		doc, err := reader.Read()
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, err
		}
		if len(bytes.TrimSpace(stripComments(doc))) > 0 {
			docs = append(docs, doc)
		}
	}
}

func stripComments(doc []byte) []byte {
	var kept []string
	for _, line := range strings.Split(string(doc), "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") {
			kept = append(kept, line)
		}
	}
	return []byte(strings.Join(kept, "\n"))
}

func validate(decoder runtime.Decoder, doc []byte) string {
	object, gvk, err := decoder.Decode(doc, nil, nil)
	if err != nil {
		return err.Error()
	}
	accessor, ok := object.(metav1.Object)
	if !ok {
		return fmt.Sprintf("%s is not an object with metadata", gvk)
	}
	if accessor.GetName() == "" {
		return fmt.Sprintf("%s without metadata.name", gvk.Kind)
	}
	return ""
}
